package io.reconcraft.launcher.standalone;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * One service's class loader in the one-JVM stack, named after the service: its classes folder and the jars it does
 * not share are its own; the classes and resources of the shared jars it holds come from {@link SharedLibraries}
 * (one definition for every service), and the shared jars it does not hold are invisible to it, as they were when
 * it had its own jar — so its auto-configuration sees exactly its own dependencies.
 */
public final class ServiceClassLoader extends URLClassLoader {

    private final SharedLibraries shared;
    private final Set<String> sharedJars;

    ServiceClassLoader(String service, List<URL> own, SharedLibraries shared, Set<String> sharedJars) {
        super(service, own.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.shared = shared;
        this.sharedJars = sharedJars;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (shared.holds(name.replace('.', '/') + ".class", sharedJars)) {
            return shared.loadClass(name);
        }
        try {
            return super.findClass(name);
        } catch (ClassNotFoundException e) {
            // a class generated into a shared library's package (a CGLIB proxy of a shared class) has no file
            Class<?> generated = shared.definedAtRuntime(name);
            if (generated == null) {
                throw e;
            }
            return generated;
        }
    }

    @Override
    public URL findResource(String name) {
        // its own first, as on its own class path (classes folder first)
        URL own = super.findResource(name);
        if (own != null) {
            return own;
        }
        try {
            List<URL> inShared = shared.resources(name, sharedJars);
            return inShared.isEmpty() ? null : inShared.get(0);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Enumeration<URL> findResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(super.findResources(name)));
        all.addAll(shared.resources(name, sharedJars));
        return Collections.enumeration(all);
    }
}
