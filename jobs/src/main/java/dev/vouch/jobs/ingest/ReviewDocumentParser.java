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
 * (100 when the score is above 10). A maximum that is not a positive finite number is a reject: it would reach
 * {@code score / scale_max} and abort the whole ingest.
 *
 * <p>Every pattern runs in linear time on hostile input (a line of thousands of blanks): quantifiers next to each
 * other are possessive, and the film and author lines are read by plain code instead of a lazy group followed by
 * optional blanks, which backtracked cubically.
 */
final class ReviewDocumentParser {
    private ReviewDocumentParser() {}

    private static final String NUMBER = "(\\d++(?:[.,]\\d++)?+)";
    private static final Pattern OVERALL = Pattern.compile(
            "(?i)^" + NUMBER + "\\s*+(?:/\\s*+" + NUMBER + ")?+\\s*+overall\\s++score\\s*+$");
    private static final Pattern OVERALL_LABEL_FIRST = Pattern.compile(
            "(?i)^overall\\s++score\\s*+:?+\\s*+" + NUMBER + "\\s*+(?:/\\s*+" + NUMBER + ")?+\\s*+$");
    private static final Pattern ASPECT = Pattern.compile(
            "^([\\p{L}][\\p{L}\\p{N} &'’-]{0,40}?)\\s*+:\\s*+" + NUMBER + "\\s*+/\\s*+" + NUMBER + "\\s*+$");
    private static final String VIEW_ALL = "view all posts by";
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
            String[] film = filmLine(l);
            if (film != null) {
                title = film[0];
                year = film[1] == null ? null : Integer.valueOf(film[1]);
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
            } else if (!l.isEmpty() && filmLine(l) == null) {
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
        String name = null;
        for (int j = lines.size() - 1; j >= i && name == null; j--) {
            name = authorLine(lines.get(j));
            author = j;
        }
        if (name == null) {
            throw new BadRecord("no 'Author: NAME' line; the review cannot be attributed");
        }
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

    /** "Film: Arrival (2016)" → {"Arrival", "2016"}; "Film: Arrival" → {"Arrival", null}; else null. */
    static String[] filmLine(String line) {
        String rest = afterLabel(line, "film");
        if (rest == null || rest.isEmpty()) {
            return null;
        }
        int n = rest.length();
        if (n > 6 && rest.charAt(n - 1) == ')' && rest.charAt(n - 6) == '('
                && rest.substring(n - 5, n - 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            String title = rest.substring(0, n - 6).strip();
            if (!title.isEmpty()) {
                return new String[] {title, rest.substring(n - 5, n - 1)};
            }
        }
        return new String[] {rest, null};
    }

    /** "Author: Ines Duarte View all posts by" → "Ines Duarte"; null when the line is not an author line. */
    static String authorLine(String line) {
        String rest = afterLabel(line, "author");
        if (rest == null || rest.isEmpty()) {
            return null;
        }
        int cut = rest.length() - VIEW_ALL.length();
        if (cut > 0 && rest.regionMatches(true, cut, VIEW_ALL, 0, VIEW_ALL.length())
                && Character.isWhitespace(rest.charAt(cut - 1))) {
            return rest.substring(0, cut).strip();
        }
        return rest;
    }

    /** The stripped text after {@code label}, optional blanks and a colon at the start of the line; else null. */
    private static String afterLabel(String line, String label) {
        if (!line.regionMatches(true, 0, label, 0, label.length())) {
            return null;
        }
        int i = label.length();
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i < line.length() && line.charAt(i) == ':' ? line.substring(i + 1).strip() : null;
    }

    private static boolean isTagLine(String line) {
        if (!line.contains("|")) {
            return false;
        }
        return Arrays.stream(line.split("\\|")).map(String::strip).allMatch(t -> t.length() <= 120);
    }

    static double scaleMax(double score, Double explicitMax, List<Staged.Aspect> aspects) throws BadRecord {
        if (explicitMax != null) {
            if (!(explicitMax > 0)) {
                throw new BadRecord("the scale maximum must be positive, was " + Fields.fmt(explicitMax));
            }
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

    private static double num(String s) throws BadRecord {
        double d = Double.parseDouble(s.replace(',', '.'));
        if (!Double.isFinite(d)) {
            throw new BadRecord("number too large: " + (s.length() > 20 ? s.substring(0, 20) + "…" : s));
        }
        return d;
    }
}
