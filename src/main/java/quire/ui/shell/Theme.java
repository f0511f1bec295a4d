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
        Application.setUserAgentStylesheet(this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
        root.getStyleClass().removeAll(LIGHT.styleClass(), DARK.styleClass());
        root.getStyleClass().add(styleClass());
    }

    static Theme parse(String name) {
        return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
