package quire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatelineParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            June 23, 2024 - 15:35 By Ji Da-gyum                   ; 2024-06-23T15:35       ; -                ; Ji Da-gyum
            Published : June 23, 2024 - 15:35                     ; 2024-06-23T15:35       ; -                ; -
            Published : Jun. 23, 2024 - 15:35 Updated : Jun. 24, 2024 - 09:10 ; 2024-06-23T15:35 ; 2024-06-24T09:10 ; -
            Updated : June 24, 2024 - 09:10                       ; -                      ; 2024-06-24T09:10 ; -
            2024-06-23 15:35                                      ; 2024-06-23T15:35       ; -                ; -
            23 June 2024                                          ; 2024-06-23             ; -                ; -
            Jun. 23, 2024                                         ; 2024-06-23             ; -                ; -
            Sunday, June 23, 2024                                 ; 2024-06-23             ; -                ; -
            2024.06.23                                            ; 2024-06-23             ; -                ; -
            2024.06.23 15:35                                      ; 2024-06-23T15:35       ; -                ; -
            June 23, 2024 3:35 PM                                 ; 2024-06-23T15:35       ; -                ; -
            June 23, 2024 at 3:35 p.m. KST                        ; 2024-06-23T15:35+09:00 ; -                ; -
            June 23, 2024 12:05 a.m.                              ; 2024-06-23T00:05       ; -                ; -
            Posted on June 23rd, 2024                             ; 2024-06-23             ; -                ; -
            2024-06-20T18:05:15+09:00                             ; 2024-06-20T18:05:15+09:00 ; -             ; -
            2024-06-20 18:05:15 +0900                             ; 2024-06-20T18:05:15+09:00 ; -             ; -
            2024-06-20T09:05:15Z                                  ; 2024-06-20T09:05:15Z   ; -                ; -
            입력 2024.06.23 15:35                                  ; 2024-06-23T15:35       ; -                ; -
            2024년 6월 23일 오후 3:35                                ; 2024-06-23T15:35       ; -                ; -
            By Ji Da-gyum                                         ; -                      ; -                ; Ji Da-gyum
            By Ji Da-gyum (dagyumji@heraldcorp.com)               ; -                      ; -                ; Ji Da-gyum
            By Kim Arin, Lee Jung-joo and Park Han-na           ; -                      ; -                ; Kim Arin, Lee Jung-joo, Park Han-na
            By Kim So-hyun, Senior Reporter                     ; -                      ; -                ; Kim So-hyun
            By Ji Da-gyum | June 23, 2024                         ; 2024-06-23             ; -                ; Ji Da-gyum
            By Yonhap                                             ; -                      ; -                ; Yonhap
            By Ludwig van Beethoven                               ; -                      ; -                ; Ludwig van Beethoven
            """)
    void readsDatelineVariants(String line, String published, String updated, String author) {
        DatelineParser.Dateline dateline = DatelineParser.parseLine(line).orElseThrow();
        assertEquals(
                new DatelineParser.Dateline(
                        Optional.ofNullable(published).map(quire.model.Published::parse),
                        Optional.ofNullable(updated).map(quire.model.Published::parse),
                        Optional.ofNullable(author)),
                dateline);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "By the end of the day, the talks had collapsed.",
        "By then, North Korea had fired three missiles",
        "June 23, 2024 was a hot day in Seoul.",
        "On June 23, 2024 the treaty was signed.",
        "Published reports say otherwise",
        "S. Korea running out of red lines on Russia-N. Korea cooperation",
        "February 30, 2024",
        "June 23, 2024 - 25:35",
        "By 2024, the plan will be complete",
        ""
    })
    void sentencesAndImpossibleDatesAreNotDatelines(String line) {
        assertEquals(Optional.empty(), DatelineParser.parseLine(line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            18:05       | 18:05
            6:05 p.m.   | 18:05
            18:05:15    | 18:05:15
            """)
    void readsTimesOfDay(String text, String expected) {
        assertEquals(expected, DatelineParser.parseTime(text).orElseThrow().toString());
    }
}
