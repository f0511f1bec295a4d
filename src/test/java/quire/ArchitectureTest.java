package quire;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layering of style.md: model <- {ingest, index, store, export} <- service <- {ui, cli} <- Main. */
class ArchitectureTest {
    private static JavaClasses quire;

    @BeforeAll
    static void importClasses() {
        quire = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("quire");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("quire.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(quire);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("quire.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "quire.ingest..", "quire.index..", "quire.store..", "quire.export..",
                        "quire.service..", "quire.ui..", "quire.cli..")
                .check(quire);
    }

    @Test
    void storageAndFormatPackagesDependOnlyOnTheModel() {
        String[] siblings = {"quire.ingest..", "quire.index..", "quire.store..", "quire.export.."};
        for (String pkg : siblings) {
            noClasses().that().resideInAPackage(pkg)
                    .should().dependOnClassesThat().resideInAnyPackage(others(siblings, pkg))
                    .allowEmptyShould(true)
                    .check(quire);
        }
    }

    @Test
    void serviceDoesNotKnowItsCallers() {
        noClasses().that().resideInAPackage("quire.service..")
                .should().dependOnClassesThat().resideInAnyPackage("quire.ui..", "quire.cli..")
                .check(quire);
    }

    @Test
    void uiAndCliUseServicesNotStorage() {
        noClasses().that().resideInAnyPackage("quire.ui..", "quire.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("quire.index..", "quire.store..", "quire.ingest..")
                .allowEmptyShould(true)
                .check(quire);
        noClasses().that().resideInAPackage("quire.ui..")
                .should().dependOnClassesThat().resideInAPackage("quire.cli..")
                .allowEmptyShould(true)
                .check(quire);
    }

    @Test
    void onlyUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("quire.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(quire);
    }

    @Test
    void onlyIndexImportsLucene() {
        noClasses().that().resideOutsideOfPackage("quire.index..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..")
                .check(quire);
    }

    @Test
    void onlyStoreTouchesJdbc() {
        noClasses().that().resideOutsideOfPackage("quire.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(quire);
    }

    @Test
    void onlyTheCommandLineAndMainWriteToTheConsole() {
        noClasses().that().resideOutsideOfPackages("quire.cli..")
                .and().doNotHaveFullyQualifiedName("quire.Main")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(quire);
        noClasses().that().resideInAPackage("quire.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("commands write through picocli's out and err, so tests can capture them")
                .check(quire);
    }

    @Test
    void valuesInTheModelAreRecordsOrEnums() {
        classes().that().resideInAPackage("quire.model..")
                .and().areNotAssignableTo(Throwable.class)
                .should().beRecords().orShould().beEnums()
                .check(quire);
    }

    private static String[] others(String[] all, String except) {
        return java.util.Arrays.stream(all).filter(p -> !p.equals(except)).toArray(String[]::new);
    }
}
