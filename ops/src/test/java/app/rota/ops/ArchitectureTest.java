package app.rota.ops;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.base.HasDescription;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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

    /**
     * An aggregate is created per command by Axon, never a Spring bean: not public, not a stereotype of
     * its own, no Spring types in it, and no beans kept in fields (resources come as handler parameters).
     */
    @Test
    void aggregatesAreNotSpringComponentsOrPublic() {
        classes().that().areAnnotatedWith(Aggregate.class)
                .should().notBePublic()
                .andShould().notBeAnnotatedWith(Component.class)
                .andShould().notBeAnnotatedWith(Service.class)
                .andShould().notBeAnnotatedWith(Configuration.class)
                .andShould(keepNoBeansInFields())
                .check(rota);
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(rota);
    }

    /** Each module is one configuration that the application imports (and a node may switch off). */
    @Test
    void eachModuleExposesExactlyOneConfiguration() {
        classes().that().resideInAPackage("app.rota.command..").and().areMetaAnnotatedWith(Configuration.class)
                .should().haveSimpleName("CommandSideConfiguration").check(rota);
        classes().that().resideInAPackage("app.rota.query..").and().areMetaAnnotatedWith(Configuration.class)
                .should().haveSimpleName("QuerySideConfiguration").check(rota);
        classes().that().resideInAPackage("app.rota.notifier..").and().areMetaAnnotatedWith(Configuration.class)
                .should().haveSimpleName("NotifierConfiguration").check(rota);
    }

    /**
     * Controllers check roles only; who may act for whom (a member for themselves, an admin for anyone)
     * is decided by the domain with the actor, so that SMS and the web follow the same rules.
     */
    @Test
    void controllersCheckRolesNotWhoActsForWhom() {
        methods().that().areAnnotatedWith(PreAuthorize.class)
                .should(checkRolesOnly()).check(rota);
        classes().that().areAnnotatedWith(PreAuthorize.class)
                .should(checkRolesOnly()).check(rota);
    }

    private static ArchCondition<JavaClass> keepNoBeansInFields() {
        return new ArchCondition<>("keep no Spring beans in fields") {
            @Override
            public void check(JavaClass aggregate, ConditionEvents events) {
                for (JavaField field : aggregate.getFields()) {
                    if (field.getRawType().isMetaAnnotatedWith(Component.class)) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " holds the bean "
                                + field.getRawType().getSimpleName() + "; take it as a handler parameter"));
                    }
                }
            }
        };
    }

    /** The {@code @PreAuthorize} on a method or a class names roles and nothing else. */
    private static <T extends HasAnnotations<?> & HasDescription> ArchCondition<T> checkRolesOnly() {
        return new ArchCondition<>("check roles only") {
            @Override
            public void check(T annotated, ConditionEvents events) {
                String expression = annotated.getAnnotationOfType(PreAuthorize.class).value();
                if (!onlyRoles(expression)) {
                    events.add(SimpleConditionEvent.violated(annotated, annotated.getDescription()
                            + " decides on more than roles: " + expression));
                }
            }
        };
    }

    private static boolean onlyRoles(String expression) {
        return expression.matches("(has(Any)?Role\\(('[A-Z_]+'(, *)?)+\\)( or )?)+");
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
