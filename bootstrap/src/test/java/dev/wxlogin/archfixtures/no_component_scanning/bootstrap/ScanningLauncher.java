package dev.wxlogin.archfixtures.no_component_scanning.bootstrap;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** VIOLATION of noComponentScanning: a context built by scanning a base package, with no annotation in sight. */
public final class ScanningLauncher {
    private ScanningLauncher() {
    }

    public static AnnotationConfigApplicationContext start() {
        return new AnnotationConfigApplicationContext("dev.wxlogin.archfixtures.no_component_scanning");
    }
}
