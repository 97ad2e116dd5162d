package dev.vouch.jobs.publish;

import dev.vouch.jobs.common.FolderLock;
import dev.vouch.jobs.common.Versioned;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions running servers still serve, so retention never deletes them. Each server keeps a lease file
 * {@code <models>/.serving/<host>-<pid>} holding its version (docs/DATA.md). A lease of a process that is gone from
 * this host is stale: ignored and removed. A lease from another host cannot be checked, so it protects its version.
 */
final class ServedVersions {
    static final String FOLDER = ".serving";
    private static final Logger LOG = LoggerFactory.getLogger(ServedVersions.class);

    private ServedVersions() {
    }

    static Set<String> of(Versioned versions) {
        Set<String> served = new HashSet<>();
        Path folder = new Path(versions.root(), FOLDER);
        try {
            if (!versions.fs().exists(folder)) {
                return served;
            }
            for (FileStatus f : versions.fs().listStatus(folder)) {
                String name = f.getPath().getName();
                int dash = name.lastIndexOf('-');
                if (!f.isFile() || dash <= 0 || name.startsWith(".")) {
                    continue;
                }
                if (FolderLock.isGone(name.substring(0, dash), name.substring(dash + 1))) {
                    LOG.info("removing the stale serving lease {}", Versioned.display(f.getPath()));
                    versions.fs().delete(f.getPath(), false);
                    continue;
                }
                try (FSDataInputStream in = versions.fs().open(f.getPath())) {
                    served.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
                }
            }
        } catch (IOException e) {
            // Unsure what is served: refuse to prune rather than risk deleting a version a server reads.
            throw new dev.vouch.jobs.common.VouchException("cannot read the serving leases in "
                    + Versioned.display(folder) + ": " + e.getMessage(), e);
        }
        return served;
    }
}
