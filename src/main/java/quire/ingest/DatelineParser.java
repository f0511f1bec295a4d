package quire.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quire.model.Published;

/**
 * Reads the dateline and byline lines newspapers print at the head of an article ("June 23, 2024 -
 * 15:35 By Ji Da-gyum", "Published : Jun. 23, 2024", "By Kim and Lee"), and dates written in the
 * usual ways ("2024-06-20T18:05:15+09:00", "23 June 2024", "2024.06.23"). Recognition is all or
 * nothing: a line counts only when every part of it is a date, a time, a label or a byline, so a
 * sentence that merely starts with a date or with "By" is never taken for one. Stateless.
 */
final class DatelineParser {
    /** What a dateline line said; at least one part is present. */
    record Dateline(Optional<Published> published, Optional<Published> updated, Optional<String> author) {}

    private static final String WEEKDAY =
            "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";
    private static final String MONTH =
            "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(?<day>\\d{1,2})(?:st|nd|rd|th)?";
    private static final String TIME_TAIL = "(?:(?:T|\\s*(?:[-–—|,@·]|\\bat\\b)?\\s*)"
            + "(?:(?<kampm>오전|오후)\\s*)?"
            + "(?<hour>\\d{1,2})[:.](?<minute>\\d{2})(?::(?<second>\\d{2})(?:\\.\\d{1,9})?)?"
            + "(?:\\s*(?<ampm>[ap])\\.?\\s?m\\b\\.?)?"
            + "(?:\\s*(?<zone>Z|[+-]\\d{2}:?\\d{2}|KST|JST|UTC|GMT|EST|EDT|PST|PDT|BST|CET|CEST)"
            + "(?<zoneoffset>[+-]\\d{1,2}(?::?\\d{2})?)?)?)?";

    private static final List<Pattern> DATE_FORMS = List.of(
            form(WEEKDAY + MONTH + "\\s+" + DAY + ",?\\s+(?<year>\\d{4})"),
            form(WEEKDAY + DAY + "\\s+(?:of\\s+)?" + MONTH + ",?\\s+(?<year>\\d{4})"),
            form(WEEKDAY + "(?<year>\\d{4})(?<sep>[-./])(?<mnum>\\d{1,2})\\k<sep>(?<day>\\d{1,2})\\.?"),
            form("(?<year>\\d{4})년\\s*(?<mnum>\\d{1,2})월\\s*(?<day>\\d{1,2})일(?:\\s*\\(?[월화수목금토일]\\)?)?"));

    private static final Pattern LABEL = Pattern.compile(
            "(?<label>published|updated|posted|date|modified|last\\s+(?:updated|modified)|first\\s+published"
                    + "|created|입력|수정|승인|기사입력|등록)\\s*(?::|\\bon\\b)?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> UPDATE_LABELS = Set.of("updated", "modified", "last updated", "last modified", "수정");
    private static final Pattern BY = Pattern.compile("by\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-–—|,·:;]+");
    private static final Pattern BYLINE_PARTS = Pattern.compile("\\s+[|·]\\s+");

    private static final Pattern EMAIL_IN_BRACKETS = Pattern.compile("\\s*[(<\\[][^()<>\\[\\]]*@[^()<>\\[\\]]*[)>\\]]");
    private static final Pattern BARE_EMAIL = Pattern.compile("\\s*\\S+@\\S+");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*,\\s*|\\s+and\\s+|\\s*&\\s*");
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{M}'’.\\-]*");
    private static final Set<String> NAME_PARTICLES =
            Set.of("de", "da", "van", "von", "der", "den", "bin", "al", "la", "le", "du", "di", "del", "dos", "ter");
    // A byline often names the reporter's job after the name ("Kim So-hyun, Senior Reporter"); the
    // job is not part of the author.
    private static final Set<String> JOB_WORDS = Set.of(
            "reporter", "reporters", "correspondent", "correspondents", "writer", "writers", "editor", "editors",
            "staff", "columnist", "contributor", "contributing", "journalist", "senior", "chief", "intern",
            "desk", "bureau", "special", "foreign", "political", "diplomatic");
    private static final Map<String, ZoneOffset> ZONES = Map.of(
            "Z", ZoneOffset.UTC,
            "UTC", ZoneOffset.UTC,
            "GMT", ZoneOffset.UTC,
            "KST", ZoneOffset.ofHours(9),
            "JST", ZoneOffset.ofHours(9),
            "EST", ZoneOffset.ofHours(-5),
            "EDT", ZoneOffset.ofHours(-4),
            "PST", ZoneOffset.ofHours(-8),
            "PDT", ZoneOffset.ofHours(-7),
            "BST", ZoneOffset.ofHours(1));
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "(?<hour>\\d{1,2})[:.](?<minute>\\d{2})(?::(?<second>\\d{2}))?(?:\\s*(?<ampm>[ap])\\.?\\s?m\\.?)?",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_LINE = 200;

    private DatelineParser() {}

    /** Reads a whole line as a dateline and/or byline; empty when any part of it is something else. */
    static Optional<Dateline> parseLine(String line) {
        String rest = line.strip();
        if (rest.isEmpty() || rest.length() > MAX_LINE) {
            return Optional.empty();
        }
        Published published = null;
        Published updated = null;
        String author = null;
        while (true) {
            rest = stripLeadingSeparators(rest);
            if (rest.isEmpty()) {
                break;
            }
            String label = null;
            Matcher labelMatcher = LABEL.matcher(rest);
            if (labelMatcher.lookingAt()) {
                label = labelMatcher.group("label").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                rest = rest.substring(labelMatcher.end());
            }
            Optional<DateMatch> date = matchDate(rest);
            if (date.isPresent()) {
                if (label != null && UPDATE_LABELS.contains(label)) {
                    updated = updated == null ? date.get().published() : updated;
                } else if (published == null) {
                    published = date.get().published();
                } else {
                    return Optional.empty();
                }
                rest = rest.substring(date.get().end());
                continue;
            }
            Matcher by = BY.matcher(rest);
            if (label != null || author != null || !by.lookingAt()) {
                return Optional.empty();
            }
            // "By Kim | June 23, 2024": the byline ends where a separated date begins.
            String[] parts = BYLINE_PARTS.split(rest.substring(by.end()), 2);
            Optional<String> names = parseNames(parts[0]);
            if (names.isEmpty()) {
                return Optional.empty();
            }
            author = names.get();
            rest = parts.length > 1 ? parts[1] : "";
        }
        if (published == null && updated == null && author == null) {
            return Optional.empty();
        }
        return Optional.of(new Dateline(
                Optional.ofNullable(published), Optional.ofNullable(updated), Optional.ofNullable(author)));
    }

    /** Reads a whole string as one date, with its time and offset when given. */
    static Optional<Published> parseDate(String text) {
        String value = text.strip();
        Optional<Dateline> line = parseLine(value);
        if (line.isEmpty() || line.get().author().isPresent()) {
            return Optional.empty();
        }
        return line.get().published().or(() -> line.get().updated());
    }

    /** Reads a time of day such as "18:05", "6:05 p.m." or "18:05:15". */
    static Optional<LocalTime> parseTime(String text) {
        Matcher m = TIME_OF_DAY.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return time(m.group("hour"), m.group("minute"), m.group("second"), m.group("ampm"), null);
    }

    /**
     * The author names of a byline without its "By", reporters' jobs and e-mail addresses, joined
     * with ", "; empty when the text does not read as names (as in "By the end of the day").
     */
    static Optional<String> parseNames(String byline) {
        String text = EMAIL_IN_BRACKETS.matcher(byline).replaceAll("");
        text = BARE_EMAIL.matcher(text).replaceAll("").strip();
        text = text.replaceAll("[\\s.,;:]+$", "");
        if (text.isEmpty() || text.length() > 150) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (String part : NAME_SEPARATORS.split(text)) {
            String name = dropJobWords(part.strip());
            if (name.isEmpty()) {
                continue;
            }
            if (!isName(name)) {
                return Optional.empty();
            }
            names.add(name);
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
    }

    private static String dropJobWords(String part) {
        List<String> words = new ArrayList<>(List.of(part.split("\\s+")));
        while (!words.isEmpty() && JOB_WORDS.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }

    private static boolean isName(String name) {
        String[] words = name.split("\\s+");
        if (words.length > 6) {
            return false;
        }
        boolean capitalised = false;
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches()) {
                return false;
            }
            char first = word.charAt(0);
            if (Character.isLowerCase(first)) {
                if (!NAME_PARTICLES.contains(word)) {
                    return false;
                }
            } else {
                capitalised = true;
            }
        }
        return capitalised;
    }

    private record DateMatch(Published published, int end) {}

    private static Optional<DateMatch> matchDate(String text) {
        for (Pattern form : DATE_FORMS) {
            Matcher m = form.matcher(text);
            if (m.lookingAt()) {
                Optional<Published> published = toPublished(m);
                if (published.isPresent()) {
                    return Optional.of(new DateMatch(published.get(), m.end()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Published> toPublished(Matcher m) {
        try {
            int month = hasGroup(m, "month") ? monthNumber(m.group("month")) : Integer.parseInt(m.group("mnum"));
            LocalDate date = LocalDate.of(Integer.parseInt(m.group("year")), month, Integer.parseInt(m.group("day")));
            if (m.group("hour") == null) {
                return Optional.of(Published.of(date));
            }
            Optional<LocalTime> time =
                    time(m.group("hour"), m.group("minute"), m.group("second"), m.group("ampm"), m.group("kampm"));
            if (time.isEmpty()) {
                return Optional.empty();
            }
            LocalDateTime local = LocalDateTime.of(date, time.get());
            Optional<ZoneOffset> offset = offset(m.group("zone"), m.group("zoneoffset"));
            return Optional.of(offset.map(o -> Published.of(OffsetDateTime.of(local, o))).orElse(Published.of(local)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(String hour, String minute, String second, String ampm, String koreanAmPm) {
        try {
            int h = Integer.parseInt(hour);
            int min = Integer.parseInt(minute);
            int s = second == null ? 0 : Integer.parseInt(second);
            boolean pm = ampm != null ? ampm.equalsIgnoreCase("p") : "오후".equals(koreanAmPm);
            boolean am = ampm != null ? ampm.equalsIgnoreCase("a") : "오전".equals(koreanAmPm);
            if (pm || am) {
                if (h < 1 || h > 12) {
                    return Optional.empty();
                }
                h = h % 12 + (pm ? 12 : 0);
            }
            return Optional.of(LocalTime.of(h, min, s));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneOffset> offset(String zone, String zoneOffset) {
        if (zone == null) {
            return Optional.empty();
        }
        ZoneOffset base = ZONES.get(zone.toUpperCase(Locale.ROOT));
        if (base == null) {
            base = ZoneOffset.of(normaliseOffset(zone));
        }
        if (zoneOffset == null) {
            return Optional.of(base);
        }
        // "GMT+9": the offset is written after the zone's name.
        ZoneOffset extra = ZoneOffset.of(normaliseOffset(zoneOffset));
        return Optional.of(ZoneOffset.ofTotalSeconds(base.getTotalSeconds() + extra.getTotalSeconds()));
    }

    private static String normaliseOffset(String offset) {
        String digits = offset.substring(1).replace(":", "");
        String hours = digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2);
        String minutes = digits.length() <= 2 ? "00" : digits.substring(digits.length() - 2);
        return offset.charAt(0) + (hours.length() == 1 ? "0" + hours : hours) + ":" + minutes;
    }

    private static int monthNumber(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                        .indexOf(prefix)
                + 1;
    }

    private static boolean hasGroup(Matcher m, String name) {
        try {
            return m.group(name) != null;
        } catch (IllegalArgumentException noSuchGroup) {
            return false;
        }
    }

    private static String stripLeadingSeparators(String s) {
        Matcher m = SEPARATORS.matcher(s);
        return m.lookingAt() ? s.substring(m.end()) : s;
    }

    private static Pattern form(String date) {
        return Pattern.compile(date + TIME_TAIL, Pattern.CASE_INSENSITIVE);
    }
}
