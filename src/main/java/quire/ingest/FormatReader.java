package quire.ingest;

/**
 * Reads one format. Implementations are stateless and thread-safe; they throw {@link
 * IngestException} with a plain sentence when nothing at all can be recovered.
 */
interface FormatReader {
    /**
     * @param content the file's decoded text (BOM removed, line ends normalised to {@code \n})
     * @param fileName the file's name, for formats whose title may come from it
     */
    ReadResult read(String content, String fileName);
}
