package dev.vouch.jobs.ingest;

import dev.vouch.jobs.common.Ids;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one review document as published on film-review sites: an overall score line ({@code 8.5 Overall Score}),
 * optional aspect lines ({@code Story: 9/10}), an optional {@code |}-separated tag line, the body, and an
 * {@code Author: NAME View all posts by} line followed by the author's role. The film comes from a
 * {@code Film: Title (Year)} line when present, else from the file name ({@code arrival-2016.txt}).
 *
 * <p>The scale is the explicit {@code /max} of the score line if written, else the maximum the aspects share, else 10
 * (100 when the score is above 10).
 */
final class ReviewDocumentParser {
    private ReviewDocumentParser() {}

    private static final Pattern FILM = Pattern.compile("(?i)^film\\s*:\\s*(.+?)\\s*(?:\\((\\d{4})\\))?\\s*$");
    private static final Pattern OVERALL = Pattern.compile(
            "(?i)^(\\d+(?:[.,]\\d+)?)\\s*(?:/\\s*(\\d+(?:[.,]\\d+)?))?\\s*overall\\s+score\\s*$");
    private static final Pattern OVERALL_LABEL_FIRST = Pattern.compile(
            "(?i)^overall\\s+score\\s*:?\\s*(\\d+(?:[.,]\\d+)?)\\s*(?:/\\s*(\\d+(?:[.,]\\d+)?))?\\s*$");
    private static final Pattern ASPECT = Pattern.compile(
            "^([\\p{L}][\\p{L}\\p{N} &'’-]{0,40}?)\\s*:\\s*(\\d+(?:[.,]\\d+)?)\\s*/\\s*(\\d+(?:[.,]\\d+)?)\\s*$");
    private static final Pattern AUTHOR = Pattern.compile("(?i)^author\\s*:\\s*(.+?)(?:\\s+view all posts by)?\\s*$");
    private static final int MAX_PREAMBLE_LINES = 3;
    private static final Pattern FILE_NAME = Pattern.compile("^(.+?)[-_ ](\\d{4})$");

    /** Decodes bytes as UTF-8 text, rejecting binary content and invalid UTF-8. */
    static String decode(byte[] bytes) throws BadRecord {
        if (bytes.length == 0) {
            throw new BadRecord("empty file");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new BadRecord("not a text file (contains NUL bytes)");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            if (text.isBlank()) {
                throw new BadRecord("empty file");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new BadRecord("not a UTF-8 text file");
        }
    }

    static Staged parse(String source, String fileName, String text) throws BadRecord {
        List<String> lines = Arrays.stream(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1))
                .map(l -> l.replace('\u00A0', ' ').strip()).toList();
        String title = null;
        Integer year = null;
        for (String l : lines) {
            Matcher film = FILM.matcher(l);
            if (film.matches()) {
                title = film.group(1);
                year = film.group(2) == null ? null : Integer.valueOf(film.group(2));
                break;
            }
        }
        // The score line opens the review; a few preamble lines (a headline, a film line) may come before it.
        int i = 0;
        int preamble = 0;
        double score = Double.NaN;
        Double explicitMax = null;
        for (; i < lines.size() && preamble <= MAX_PREAMBLE_LINES; i++) {
            String l = lines.get(i);
            Matcher overall = OVERALL.matcher(l);
            Matcher labelFirst = OVERALL_LABEL_FIRST.matcher(l);
            if (overall.matches() || labelFirst.matches()) {
                Matcher m = overall.matches() ? overall : labelFirst;
                score = num(m.group(1));
                explicitMax = m.group(2) == null ? null : num(m.group(2));
                i++;
                break;
            } else if (!l.isEmpty() && !FILM.matcher(l).matches()) {
                preamble++;
            }
        }
        if (Double.isNaN(score)) {
            throw new BadRecord("no readable overall score (expected a line like '8.5 Overall Score' at the top)");
        }
        List<Staged.Aspect> aspects = new ArrayList<>();
        for (; i < lines.size(); i++) {
            Matcher a = ASPECT.matcher(lines.get(i));
            if (a.matches()) {
                double s = num(a.group(2));
                double max = num(a.group(3));
                String name = a.group(1).strip().toLowerCase(Locale.ROOT);
                if (max <= 0 || s > max) {
                    throw new BadRecord("aspect '" + name + "' score " + a.group(2) + " is outside 0.." + a.group(3));
                }
                aspects.add(new Staged.Aspect(name, s, max));
            } else if (!lines.get(i).isEmpty()) {
                break;
            }
        }
        double max = scaleMax(score, explicitMax, aspects);
        if (score > max) {
            throw new BadRecord("overall score " + Fields.fmt(score) + " is above the scale maximum " + Fields.fmt(max));
        }
        List<String> tags = List.of();
        if (i < lines.size() && isTagLine(lines.get(i))) {
            tags = Arrays.stream(lines.get(i).split("\\|")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            i++;
        }
        int author = -1;
        for (int j = lines.size() - 1; j >= i; j--) {
            if (AUTHOR.matcher(lines.get(j)).matches()) {
                author = j;
                break;
            }
        }
        if (author < 0) {
            throw new BadRecord("no 'Author: NAME' line; the review cannot be attributed");
        }
        Matcher am = AUTHOR.matcher(lines.get(author));
        am.matches();
        String name = am.group(1).strip();
        String role = lines.subList(author + 1, lines.size()).stream().filter(l -> !l.isEmpty()).findFirst().orElse(null);
        String body = String.join("\n", lines.subList(i, author)).strip().replaceAll("\n{3,}", "\n\n");
        if (title == null) {
            String[] fromName = titleFromFileName(fileName);
            title = fromName[0];
            year = fromName[1] == null ? null : Integer.valueOf(fromName[1]);
        }
        String reviewer = source + ":" + Ids.slug(name);
        return new Staged(Staged.Kind.RATING, reviewer, Ids.filmFromTitle(title, year), score, 0.0, max, null, tags,
                aspects, body.isEmpty() ? null : body, name, role, title, year, null, null, null);
    }

    private static boolean isTagLine(String line) {
        if (!line.contains("|")) {
            return false;
        }
        return Arrays.stream(line.split("\\|")).map(String::strip).allMatch(t -> t.length() <= 120);
    }

    static double scaleMax(double score, Double explicitMax, List<Staged.Aspect> aspects) {
        if (explicitMax != null) {
            return explicitMax;
        }
        if (!aspects.isEmpty() && aspects.stream().allMatch(a -> a.max() == aspects.get(0).max())) {
            return aspects.get(0).max();
        }
        return score > 10 ? 100 : 10;
    }

    /** "arrival-2016.txt" → {"Arrival", "2016"}; "the-dark-knight--ines.txt" → {"The Dark Knight", null}. */
    static String[] titleFromFileName(String fileName) {
        String base = fileName.replaceAll("^.*/", "").replaceAll("\\.[A-Za-z0-9]{1,4}$", "");
        base = base.contains("--") ? base.substring(0, base.indexOf("--")) : base;
        String year = null;
        Matcher m = FILE_NAME.matcher(base);
        if (m.matches()) {
            base = m.group(1);
            year = m.group(2);
        }
        StringBuilder title = new StringBuilder();
        for (String word : base.split("[-_ ]+")) {
            if (!word.isEmpty()) {
                title.append(title.length() == 0 ? "" : " ")
                        .append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return new String[] {title.toString(), year};
    }

    private static double num(String s) {
        return Double.parseDouble(s.replace(',', '.'));
    }
}
