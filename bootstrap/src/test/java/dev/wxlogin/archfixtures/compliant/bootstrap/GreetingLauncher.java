package dev.wxlogin.archfixtures.compliant.bootstrap;

import dev.wxlogin.archfixtures.compliant.adapters.rest.GreetingEndpoint;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** Builds the context from a configuration class (no scanning) and starts the API through the REST adapter. */
public final class GreetingLauncher {
    private GreetingLauncher() {
    }

    public static void main(String[] args) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(GreetingConfiguration.class);
        context.getBean(GreetingEndpoint.class).start(8080);
    }
}
