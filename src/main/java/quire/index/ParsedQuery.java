package quire.index;

import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * A query as Quire understood it.
 *
 * @param error a plain sentence when the text could not be read as written
 * @param fallback the lenient reading that was used instead, when there was an error
 */
record ParsedQuery(Query query, Optional<String> error, Optional<String> fallback) {}
