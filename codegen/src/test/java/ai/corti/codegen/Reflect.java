package ai.corti.codegen;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * Calls into the compiled generated code, which the tests cannot name at compile time. A member is chosen by name and
 * by the arguments given (a {@code null} fits any reference type); an exception thrown by the generated code is
 * rethrown as it is, so a test can assert on it.
 */
final class Reflect {

    private final ClassLoader loader;

    /**
     * Calls into the classes of one loader.
     *
     * @param loader the loader of the compiled generated code
     */
    Reflect(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Loads a class.
     *
     * @param name the fully qualified name
     * @return the class
     */
    Class<?> type(String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " was not compiled", e);
        }
    }

    /**
     * Constructs an object with the constructor that fits the arguments.
     *
     * @param className the class
     * @param args      the arguments
     * @return the object
     */
    Object create(String className, Object... args) {
        Constructor<?> constructor = (Constructor<?>) pick(Arrays.asList(type(className).getDeclaredConstructors()),
                className, "<init>", args);
        return run(() -> constructor.newInstance(args));
    }

    /**
     * Calls the public method of that name that fits the arguments.
     *
     * @param target the object, or a {@link Class} for a static method
     * @param method the name
     * @param args   the arguments
     * @return what it returned
     */
    Object call(Object target, String method, Object... args) {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        Method chosen = (Method) pick(Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(method))
                .filter(m -> Modifier.isStatic(m.getModifiers()) == target instanceof Class<?>).toList(),
                type.getName(), method, args);
        return run(() -> chosen.invoke(target instanceof Class<?> ? null : target, args));
    }

    /**
     * Reads a public field (the engine stubs keep what they were given in fields).
     *
     * @param target the object
     * @param name   the field
     * @return its value
     */
    static Object field(Object target, String name) {
        try {
            Field field = target.getClass().getField(name);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A constant of a generated enum.
     *
     * @param enumClass the enum
     * @param constant  the constant's name
     * @return the constant
     */
    Object constant(String enumClass, String constant) {
        for (Object value : type(enumClass).getEnumConstants()) {
            if (((Enum<?>) value).name().equals(constant)) {
                return value;
            }
        }
        throw new AssertionError(enumClass + " has no " + constant);
    }

    private static Executable pick(List<? extends Executable> candidates, String type, String name, Object[] args) {
        List<? extends Executable> fitting = candidates.stream().filter(e -> fits(e.getParameterTypes(), args)).toList();
        if (fitting.size() != 1) {
            throw new AssertionError(fitting.size() + " of " + type + "." + name + " fit " + Arrays.toString(args)
                    + "; there are " + candidates);
        }
        fitting.get(0).setAccessible(true);
        return fitting.get(0);
    }

    private static boolean fits(Class<?>[] parameters, Object[] args) {
        if (parameters.length != args.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            Class<?> p = parameters[i].isPrimitive() ? boxed(parameters[i]) : parameters[i];
            if (args[i] == null ? parameters[i].isPrimitive() : !p.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "long" -> Long.class;
            case "int" -> Integer.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            default -> throw new IllegalArgumentException(primitive.getName());
        };
    }

    private interface Call {
        Object run() throws ReflectiveOperationException;
    }

    private static Object run(Call call) {
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
