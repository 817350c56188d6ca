package dev.wxlogin.archfixtures.no_component_scanning.bootstrap;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** VIOLATION of noComponentScanning: a configuration that scans for components instead of declaring @Bean methods. */
@Configuration(proxyBeanMethods = false)
@ComponentScan("dev.wxlogin.archfixtures.no_component_scanning")
public class ScanningConfiguration {
}
