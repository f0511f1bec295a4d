package quire.service;

import java.nio.file.Path;

/** What an export wrote. */
public record ExportSummary(Path target, int articles, int highlights) {}
