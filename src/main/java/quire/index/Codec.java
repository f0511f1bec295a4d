package quire.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.BytesRef;
import quire.model.ArticleRef;
import quire.model.Block;
import quire.model.BlockKind;
import quire.model.FileRecord;
import quire.model.KeyBasis;
import quire.model.Problem;
import quire.model.Severity;

/** Compact binary forms of the structured values kept in stored fields. */
final class Codec {
    private Codec() {}

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static BytesRef blocks(List<Block> blocks) {
        return encode(out -> {
            out.writeInt(blocks.size());
            for (Block b : blocks) {
                out.writeByte(b.kind().ordinal());
                out.writeInt(b.start());
                out.writeInt(b.end());
            }
        });
    }

    static List<Block> blocks(BytesRef bytes) {
        return decode(bytes, in -> {
            int n = in.readInt();
            List<Block> blocks = new ArrayList<>(n);
            BlockKind[] kinds = BlockKind.values();
            for (int i = 0; i < n; i++) {
                blocks.add(new Block(kinds[in.readByte()], in.readInt(), in.readInt()));
            }
            return blocks;
        });
    }

    static BytesRef strings(List<String> values) {
        return encode(out -> {
            out.writeInt(values.size());
            for (String v : values) {
                writeString(out, v);
            }
        });
    }

    static List<String> strings(BytesRef bytes) {
        return decode(bytes, in -> {
            int n = in.readInt();
            List<String> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(readString(in));
            }
            return values;
        });
    }

    static BytesRef map(Map<String, String> map) {
        return encode(out -> {
            out.writeInt(map.size());
            for (Map.Entry<String, String> e : map.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
        });
    }

    static Map<String, String> map(BytesRef bytes) {
        return decode(bytes, in -> {
            int n = in.readInt();
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                map.put(readString(in), readString(in));
            }
            return map;
        });
    }

    static BytesRef fileRecord(FileRecord record) {
        return encode(out -> {
            writeString(out, record.path());
            out.writeLong(record.size());
            out.writeLong(record.modifiedMillis());
            writeString(out, record.contentHash());
            out.writeInt(record.articles().size());
            for (ArticleRef ref : record.articles()) {
                writeString(out, ref.key());
                writeString(out, ref.textHash());
                out.writeInt(ref.warnings());
                out.writeInt(ref.textLength());
                out.writeByte(ref.identity().ordinal());
            }
            out.writeInt(record.problems().size());
            for (Problem p : record.problems()) {
                out.writeByte(p.severity().ordinal());
                writeString(out, p.message());
            }
            // Own keys come last and only when one is not the implied one (an article that kept its key
            // across an edit), so records stored before them read as before and most records stay as long.
            List<ArticleRef> implied = record.articles().stream().map(Codec::withImpliedOwnKey).toList();
            if (!implied.equals(record.articles())) {
                for (ArticleRef ref : record.articles()) {
                    writeString(out, ref.ownKey());
                }
            }
        });
    }

    static FileRecord fileRecord(BytesRef bytes) {
        return decode(bytes, in -> {
            String path = readString(in);
            long size = in.readLong();
            long modified = in.readLong();
            String hash = readString(in);
            int n = in.readInt();
            List<ArticleRef> refs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                refs.add(ArticleRef.withImpliedOwnKey(
                        readString(in), readString(in), in.readInt(), in.readInt(), KeyBasis.values()[in.readByte()]));
            }
            int m = in.readInt();
            List<Problem> problems = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                problems.add(new Problem(path, Severity.values()[in.readByte()], readString(in)));
            }
            if (in.available() > 0) {
                for (int i = 0; i < n; i++) {
                    ArticleRef r = refs.get(i);
                    refs.set(i, new ArticleRef(r.key(), r.textHash(), r.warnings(), r.textLength(), r.identity(), readString(in)));
                }
            }
            return new FileRecord(path, size, modified, hash, refs, problems);
        });
    }

    private static ArticleRef withImpliedOwnKey(ArticleRef ref) {
        return ArticleRef.withImpliedOwnKey(ref.key(), ref.textHash(), ref.warnings(), ref.textLength(), ref.identity());
    }

    // writeUTF is limited to 64 KB; messages and property values are not.
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = in.readNBytes(in.readInt());
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static BytesRef encode(Writer writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                writer.write(out);
            }
            return new BytesRef(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    private static <T> T decode(BytesRef bytes, Reader<T> reader) {
        try (DataInputStream in =
                new DataInputStream(new ByteArrayInputStream(bytes.bytes, bytes.offset, bytes.length))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("stored value is damaged", e);
        }
    }
}
