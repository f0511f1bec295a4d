package quire.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When an article was published, as precisely as its source says: always a date, a local time
 * when known, and the UTC offset of that time when known. Searches by date use {@link #date()},
 * the date as the publisher printed it.
 */
public record Published(LocalDate date, Optional<LocalTime> time, Optional<ZoneOffset> offset) {
    public Published {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(offset, "offset");
        if (offset.isPresent() && time.isEmpty()) {
            throw new IllegalArgumentException("an offset needs a time");
        }
        time = time.map(t -> t.withNano(0));
    }

    public static Published of(LocalDate date) {
        return new Published(date, Optional.empty(), Optional.empty());
    }

    public static Published of(LocalDateTime local) {
        return new Published(local.toLocalDate(), Optional.of(local.toLocalTime()), Optional.empty());
    }

    public static Published of(OffsetDateTime dateTime) {
        return new Published(
                dateTime.toLocalDate(), Optional.of(dateTime.toLocalTime()), Optional.of(dateTime.getOffset()));
    }

    /**
     * Parses what {@link #toString()} writes: {@code 2024-06-20}, {@code 2024-06-20T18:05:15} or
     * {@code 2024-06-20T18:05:15+09:00}.
     */
    public static Published parse(String iso) {
        Objects.requireNonNull(iso, "iso");
        try {
            if (iso.length() <= 10) {
                return of(LocalDate.parse(iso));
            }
            try {
                return of(OffsetDateTime.parse(iso));
            } catch (DateTimeParseException noOffset) {
                return of(LocalDateTime.parse(iso));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO date: " + iso, e);
        }
    }

    /** ISO-8601: the date, then the time and offset where known. */
    @Override
    public String toString() {
        if (time.isEmpty()) {
            return date.toString();
        }
        LocalDateTime local = LocalDateTime.of(date, time.get());
        return offset.map(o -> OffsetDateTime.of(local, o).toString()).orElse(local.toString());
    }
}
