package dev.vouch.serving.model;

import dev.vouch.engine.RankingModel;
import dev.vouch.engine.ReviewerView;
import dev.vouch.engine.TopList;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional {@code reviewer_lists} table: each reviewer's {@link TopList} as training published it, so that "I trust
 * R" and trust sets are answered without a pass over every film even on a reviewer's first request. A reviewer
 * without a row (or with a row that names an unknown film) gets their list computed on first use, as for a model
 * published without the table. Immutable.
 */
public final class ReviewerLists {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewerLists.class);
    /** Reviewers whose published list is recomputed at load and compared, float for float. */
    static final int CHECKED = 3;

    private final TopList[] lists;
    private final int published;

    private ReviewerLists(TopList[] lists, int published) {
        this.lists = lists;
        this.published = published;
    }

    /** No published lists: every list is computed on first use. */
    static ReviewerLists none(int reviewers) {
        return new ReviewerLists(new TopList[reviewers], 0);
    }

    static ReviewerLists load(TableReader reader, Reviewers reviewers, Films films, LoadLog log) {
        TopList[] lists = new TopList[reviewers.size()];
        int[] n = {0};
        reader.forEach(ModelLayout.REVIEWER_LISTS, "reviewer_id, film_ids, scores, complete", rs -> {
            int r = reviewers.indexOf(rs.getString("reviewer_id"));
            String[] ids = TableReader.strings(rs, "film_ids");
            double[] scores = TableReader.doubles(rs, "scores");
            int[] listed = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                listed[i] = films.indexOf(ids[i]);
            }
            if (r < 0 || IntStream.of(listed).anyMatch(f -> f < 0)) {
                log.dangling(ModelLayout.REVIEWER_LISTS);
                return;
            }
            float[] s = new float[scores.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) scores[i];
            }
            try {
                lists[r] = TopList.published(listed, s, rs.getBoolean("complete"), films.size());
            } catch (IllegalArgumentException e) {
                throw new ModelLoadException("table " + ModelLayout.REVIEWER_LISTS + ", reviewer "
                        + rs.getString("reviewer_id") + ": " + e.getMessage(), e);
            }
            n[0]++;
        });
        return new ReviewerLists(lists, n[0]);
    }

    /**
     * These lists, when the engine gives the same lists for the {@value #CHECKED} most active reviewers listed
     * (training and serving then run the same ranking); otherwise none, with a warning, so that every list is
     * computed here as it would be without the table.
     */
    ReviewerLists checked(RankingModel model, String version) {
        if (published == 0) {
            return this;
        }
        int[] start = model.opinions().start();
        int[] sample = IntStream.range(0, lists.length).filter(r -> lists[r] != null).boxed()
                .sorted(Comparator.comparingInt((Integer r) -> start[r + 1] - start[r]).reversed()
                        .thenComparingInt(r -> r))
                .limit(CHECKED).mapToInt(Integer::intValue).toArray();
        for (int r : sample) {
            if (!lists[r].equals(TopList.of(model, ReviewerView.of(model, r)))) {
                LOG.warn("model {}: the published list of reviewer #{} is not the one this engine computes; "
                        + "ignoring reviewer_lists, every list will be computed on first use", version, r);
                return none(lists.length);
            }
        }
        return this;
    }

    /** R's published list, or null when it was not published (compute it). */
    public TopList of(int reviewer) {
        return lists[reviewer];
    }

    /** How many reviewers have a published list. */
    public int published() {
        return published;
    }

    long bytes() {
        long b = 16L + lists.length * 8L;
        for (TopList l : lists) {
            b += l == null ? 0 : l.bytes();
        }
        return b;
    }
}
