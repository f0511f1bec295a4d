package quire.index;

/** Cheap guesses about the language of a text, to choose its analysis. */
final class Languages {
    private Languages() {}

    /**
     * True when the text has enough Hangul to be worth Korean analysis: a handful of syllables
     * (a quoted name in an English article does not make it Korean, but costs little either way).
     */
    static boolean hasKorean(CharSequence text) {
        int hangul = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isHangul(c)) {
                hangul++;
                letters++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        return hangul >= 8 || (hangul > 0 && hangul * 50 >= letters);
    }

    static boolean isHangul(char c) {
        return (c >= '\uAC00' && c <= '\uD7A3') || (c >= '\u1100' && c <= '\u11FF') || (c >= '\u3130' && c <= '\u318F');
    }
}
