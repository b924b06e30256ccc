package app.rota.ops;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module seams: modules talk only through shared-kernel messages. */
class ArchitectureTest {

    private static JavaClasses rota;

    @BeforeAll
    static void importRota() {
        rota = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.rota");
    }

    @Test
    void sharedKernelHoldsNoSpringNoJpaNoJackson() {
        noClasses().that().resideInAPackage("app.rota.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.hibernate..", "tools.jackson..",
                        "com.fasterxml.jackson.databind..")
                .check(rota);
    }

    @Test
    void sharedKernelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("app.rota.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.rota.command..", "app.rota.query..", "app.rota.notifier..", "app.rota.ops..")
                .check(rota);
    }

    @Test
    void commandSideNeverUsesQuerySideNotifierOrOps() {
        noClasses().that().resideInAPackage("app.rota.command..")
                .should().dependOnClassesThat().resideInAnyPackage("app.rota.query..", "app.rota.notifier..", "app.rota.ops..")
                .check(rota);
    }

    @Test
    void querySideNeverUsesCommandSideNotifierOrOps() {
        noClasses().that().resideInAPackage("app.rota.query..")
                .should().dependOnClassesThat().resideInAnyPackage("app.rota.command..", "app.rota.notifier..", "app.rota.ops..")
                .check(rota);
    }

    @Test
    void notifierNeverUsesCommandSideQuerySideOrOps() {
        noClasses().that().resideInAPackage("app.rota.notifier..")
                .should().dependOnClassesThat().resideInAnyPackage("app.rota.command..", "app.rota.query..", "app.rota.ops..")
                .check(rota);
    }

    @Test
    void aggregatesAreNotSpringComponentsOrPublic() {
        noClasses().that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                .should().bePublic()
                .check(rota);
    }

    /** A command or query that names a group is tenant-checked on the buses only if it says so. */
    @Test
    void everyCommandOrQueryThatNamesAGroupIsGroupScoped() {
        classes().that().resideInAPackage("app.rota.kernel..")
                .and().haveSimpleNameEndingWith("Command").or().haveSimpleNameEndingWith("Query")
                .and(nameAGroup())
                .should().implement(app.rota.kernel.common.GroupScoped.class)
                .check(rota);
    }

    private static DescribedPredicate<JavaClass> nameAGroup() {
        return DescribedPredicate.describe("name a group", type -> type.getMethods().stream()
                .anyMatch(method -> method.getName().equals("groupId") && method.getRawParameterTypes().isEmpty()));
    }
}
