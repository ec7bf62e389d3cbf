package io.reconcraft.launcher.standalone.spring;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Gives a service of the one-JVM stack Reactor Netty event loops and connections of its own. By default a context
 * uses Reactor Netty's global ones ({@code HttpResources}), which are one set for the JVM now that Reactor Netty is a
 * shared library: the first service to stop would dispose the loops every other service's web server still drains
 * its requests on (each then waited out its 30 s graceful-shutdown phase). Loaded by the services' shared class
 * loader, not by the launcher's: it must not use any other launcher class (see {@code SharedLibraries}).
 */
public final class OwnReactorResources implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ReactorResourceFactory factory) {
                    factory.setUseGlobalResources(false);
                }
                return bean;
            }
        });
    }
}
