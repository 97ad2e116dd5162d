package dev.vouch.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkSessionsTest {
    @Test
    void aJobsSessionKeepsTheCodeGeneratedForAThousandPlans() {
        assertThat(TestSpark.get().sparkContext().getConf().get(SparkSessions.CODEGEN_CACHE)).isEqualTo("1000");
        assertThat(TestSpark.get().conf().get(SparkSessions.CODEGEN_CACHE)).isEqualTo("1000");
    }
}
