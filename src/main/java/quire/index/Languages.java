package quire.index;

/** Cheap guesses about the language of a text, to choose its analysis. */
final class Languages {
    private Languages() {}

    /**
     * True when the text has enough Hangul to be worth Korean analysis: a handful of syllables
     * (a quoted name in an English article does not make it Korean, but costs little either way).
     */
    static boolean hasKorean(CharSequence text) {
        return hasKorean(text, "");
    }

    /**
     * As {@link #hasKorean(CharSequence)} of the two joined: for an article's title and text,
     * without copying the text into one more string (a good part of a first index's allocation).
     */
    static boolean hasKorean(CharSequence first, CharSequence second) {
        int[] counts = new int[2]; // Hangul, letters
        return count(first, counts) || count(second, counts) || (counts[0] > 0 && counts[0] * 50 >= counts[1]);
    }

    /** Adds a text's Hangul and letters to {@code counts}; true once there is Hangul enough to tell. */
    private static boolean count(CharSequence text, int[] counts) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isHangul(c)) {
                counts[0]++;
                counts[1]++;
                if (counts[0] >= 8) {
                    return true;
                }
            } else if (Character.isLetter(c)) {
                counts[1]++;
            }
        }
        return false;
    }

    static boolean isHangul(char c) {
        return (c >= '\uAC00' && c <= '\uD7A3') || (c >= '\u1100' && c <= '\u11FF') || (c >= '\u3130' && c <= '\u318F');
    }
}
