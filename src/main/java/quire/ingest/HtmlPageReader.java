package quire.ingest;

/** STUB: to be replaced. */
final class HtmlPageReader implements FormatReader {
    @Override
    public ReadResult read(String content, String fileName) {
        throw new IngestException("Not implemented yet.");
    }
}
