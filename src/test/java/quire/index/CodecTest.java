package quire.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import quire.model.ArticleRef;
import quire.model.FileRecord;
import quire.model.KeyBasis;
import quire.model.Problem;

/** File records as stored in the index, including those stored before own keys were remembered. */
class CodecTest {
    @Test
    void aKeptTitleAndDateKeyComesBackWithTheArticlesOwnKey() {
        FileRecord record = new FileRecord("a.md", 58, 1000, "c0ffee", List.of(
                new ArticleRef("oldtitlekey", "texthash", 0, 14, KeyBasis.TITLE_AND_DATE, "newtitlekey"),
                ArticleRef.withImpliedOwnKey("textkey", "textkey", 1, 9, KeyBasis.TEXT)),
                List.of(Problem.error("a.md", "Something was wrong.")));

        assertEquals(record, Codec.fileRecord(Codec.fileRecord(record)));
    }

    @Test
    void aRecordStoredBeforeOwnKeysReadsWithTheImpliedOnes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, "a.md");
            out.writeLong(58);
            out.writeLong(1000);
            string(out, "c0ffee");
            out.writeInt(2);
            for (String[] ref : List.of(new String[] {"titlekey", "hash1"}, new String[] {"hash2", "hash2"})) {
                string(out, ref[0]);
                string(out, ref[1]);
                out.writeInt(0);
                out.writeInt(14);
                out.writeByte(ref[0].equals("titlekey") ? KeyBasis.TITLE_AND_DATE.ordinal() : KeyBasis.TEXT.ordinal());
            }
            out.writeInt(0);
        }

        FileRecord record = Codec.fileRecord(new BytesRef(bytes.toByteArray()));

        assertEquals(List.of("titlekey", "hash2"), record.articles().stream().map(ArticleRef::ownKey).toList());
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
