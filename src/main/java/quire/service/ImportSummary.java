package quire.service;

/**
 * What an import did.
 *
 * @param read highlights in the file
 * @param added highlights that were new here (the others were here already)
 * @param skipped highlights of articles this corpus does not have
 */
public record ImportSummary(int read, int added, int skipped) {}
