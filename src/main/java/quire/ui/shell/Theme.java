package quire.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;

/** The two looks: AtlantaFX Primer light and dark, plus a root class our own CSS keys on. */
enum Theme {
    LIGHT,
    DARK;

    String styleClass() {
        return this == LIGHT ? "theme-light" : "theme-dark";
    }

    Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Sets the application-wide stylesheet and marks {@code root} for the reader's colours. */
    void apply(Parent root) {
        useStylesheet();
        root.getStyleClass().removeAll(LIGHT.styleClass(), DARK.styleClass());
        root.getStyleClass().add(styleClass());
    }

    /**
     * Sets the application-wide stylesheet, unless it is already this theme's. Called before the
     * window's first control is made, it spares loading JavaFX's default stylesheet (Modena) only to
     * replace it: a tenth of the JavaFX thread's start-up.
     */
    void useStylesheet() {
        String stylesheet = this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet();
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(stylesheet);
        }
    }

    static Theme parse(String name) {
        return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
