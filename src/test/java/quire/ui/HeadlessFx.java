package quire.ui;

/** The system properties that run JavaFX headless for TestFX: set them before the toolkit starts. */
public final class HeadlessFx {
    private HeadlessFx() {}

    /** Monocle's headless glass, software rendering, the glass robot. */
    public static void configure() {
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("java.awt.headless", "true");
        // The window opens at 1360x840; the default headless screen (1280x800) is too small for it.
        System.setProperty("headless.geometry", "1600x1000-32");
    }
}
