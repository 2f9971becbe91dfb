package io.github.ozonperf.mcp.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.google.gson.ExclusionStrategy;
import com.google.gson.FieldAttributes;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.ToNumberStrategy;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MCP SDK's JSON mapping done with Gson, the JSON library the rest of the server already runs, instead of
 * the SDK's default Jackson 3 mapper. Why (issue 9, benchmarks/RESULTS.md): Jackson was ~30 % of the server's CPU
 * in a burst of 2,000 {@code tools/call}s right after start-up, most of it code still being interpreted, and its
 * start-up cost sat in front of the first {@code initialize} answer; Gson's code is already warm from the Ozon
 * client's own JSON.
 *
 * <p>It follows the Jackson annotations the SDK puts on its schema records, as far as the SDK uses them:
 * {@code @JsonProperty} names (fields and enum constants), {@code @JsonIgnore}, absent values left out
 * ({@code NON_ABSENT}), unknown properties ignored, {@code @JsonCreator} factories for reading (they fill defaults
 * for fields a peer left out), and {@code @JsonTypeInfo}/{@code @JsonSubTypes} for the polymorphic interfaces
 * ({@code NAME} with {@code PROPERTY}/{@code EXISTING_PROPERTY}, and {@code DEDUCTION}). Integral numbers read
 * into {@code Object}s are {@code Long}s when they fit, others keep their exact JSON text (Jackson would make
 * them {@code BigInteger}s or, losing digits, {@code Double}s); NaN and infinities are written as strings, as
 * Jackson does; input is parsed strictly. {@code GsonMcpJsonMapperTest} pins it against the SDK's Jackson mapper
 * message by message. Known differences, none reachable from this server's messages: a {@code null} inside a
 * map is left out (Jackson writes it), and a repeated key in a JSON object is an error (Jackson keeps the last).
 */
final class GsonMcpJsonMapper implements McpJsonMapper {
  private final Gson gson;

  GsonMcpJsonMapper() {
    this.gson = new GsonBuilder()
        .setFieldNamingStrategy(f -> {
          JsonProperty p = f.getAnnotation(JsonProperty.class);
          return p != null && !p.value().isEmpty() ? p.value() : f.getName();
        })
        .addSerializationExclusionStrategy(IGNORED)
        .addDeserializationExclusionStrategy(IGNORED)
        .setObjectToNumberStrategy(NUMBERS)
        .registerTypeAdapter(Double.class, NON_FINITE_AS_STRINGS)
        .registerTypeAdapter(double.class, NON_FINITE_AS_STRINGS)
        .setStrictness(Strictness.STRICT)
        .disableHtmlEscaping()
        .registerTypeAdapterFactory(new JacksonEnums())
        .registerTypeAdapterFactory(new JacksonRecords())
        .registerTypeAdapterFactory(new JacksonSubtypes())
        .create();
  }

  /**
   * Integral numbers that fit a long as Long (a JSON-RPC id 1 stays 1); every other number as Gson's
   * {@link LazilyParsedNumber}, which keeps the JSON text exactly. Nothing goes through a double: a uint64 id
   * above 2^63 (12345678901234567890) stays digit for digit, 0.1 stays 0.1, and 1E-100000000 does not become 0.
   * Nothing is converted either: 1E+1000000000 or a megabyte of digits costs nothing here, and the tool's argument
   * reader decides, cheaply, what it accepts.
   */
  private static final ToNumberStrategy NUMBERS = in -> {
    String s = in.nextString();
    if (s.length() <= 20) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException notLong) {
        // not an integer that fits a long: kept as text below
      }
    }
    return new LazilyParsedNumber(s);
  };

  /** Jackson writes NaN and infinities as strings; Gson would refuse and the answer would be lost. */
  private static final TypeAdapter<Double> NON_FINITE_AS_STRINGS = new TypeAdapter<Double>() {
    @Override
    public void write(JsonWriter out, Double value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else if (Double.isFinite(value)) {
        out.value(value.doubleValue());
      } else {
        out.value(value.toString());
      }
    }

    @Override
    public Double read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      return in.nextDouble();
    }
  };

  private static final ExclusionStrategy IGNORED = new ExclusionStrategy() {
    @Override
    public boolean shouldSkipField(FieldAttributes f) {
      return f.getAnnotation(JsonIgnore.class) != null;
    }

    @Override
    public boolean shouldSkipClass(Class<?> clazz) {
      return false;
    }
  };

  @Override
  public <T> T readValue(String content, Class<T> type) throws IOException {
    return read(new JsonReader(new StringReader(content)), type);
  }

  @Override
  public <T> T readValue(byte[] content, Class<T> type) throws IOException {
    return read(reader(content), type);
  }

  @Override
  public <T> T readValue(String content, TypeRef<T> type) throws IOException {
    return read(new JsonReader(new StringReader(content)), type.getType());
  }

  @Override
  public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
    return read(reader(content), type.getType());
  }

  @Override
  public <T> T convertValue(Object value, Class<T> type) {
    return gson.fromJson(gson.toJsonTree(value), type);
  }

  @Override
  public <T> T convertValue(Object value, TypeRef<T> type) {
    return gson.fromJson(gson.toJsonTree(value), type.getType());
  }

  @Override
  public String writeValueAsString(Object value) throws IOException {
    if (value instanceof io.modelcontextprotocol.spec.McpError error) {
      return errorResponse(error);
    }
    return gson.toJson(value);
  }

  /**
   * The HTTP transport answers a refused request by writing an {@code McpError} (an exception) as the body; Gson
   * cannot reflect into a Throwable, and the body a client can read is a JSON-RPC error response anyway.
   */
  private String errorResponse(io.modelcontextprotocol.spec.McpError error) {
    com.google.gson.JsonObject body = new com.google.gson.JsonObject();
    body.addProperty("jsonrpc", "2.0");
    body.add("id", com.google.gson.JsonNull.INSTANCE);
    io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError e = error.getJsonRpcError();
    body.add("error", e != null ? gson.toJsonTree(e) : gson.toJsonTree(
        new io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError(
        io.modelcontextprotocol.spec.McpSchema.ErrorCodes.INTERNAL_ERROR, "internal error", null)));
    return gson.toJson(body);
  }

  @Override
  public byte[] writeValueAsBytes(Object value) throws IOException {
    // Into a String, then one encoding pass: through an OutputStreamWriter each of JsonWriter's many small writes
    // went through the charset encoder separately, which dominated this method in JFR.
    return gson.toJson(value).getBytes(StandardCharsets.UTF_8);
  }

  private static JsonReader reader(byte[] content) {
    return new JsonReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
  }

  private <T> T read(JsonReader reader, Type type) throws IOException {
    reader.setStrictness(Strictness.STRICT);
    try {
      T value = gson.fromJson(reader, type);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IOException("trailing data after the JSON value");
      }
      return value;
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Enum constants named by their {@code @JsonProperty}, as Jackson names them. */
  private static final class JacksonEnums implements TypeAdapterFactory {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (!raw.isEnum() || !raw.getName().startsWith("io.modelcontextprotocol.")) {
        return null;
      }
      Map<String, Enum<?>> byName = new HashMap<>();
      Map<Enum<?>, String> names = new HashMap<>();
      for (Object constant : raw.getEnumConstants()) {
        Enum<?> e = (Enum<?>) constant;
        String name = e.name();
        try {
          JsonProperty p = raw.getField(e.name()).getAnnotation(JsonProperty.class);
          if (p != null && !p.value().isEmpty()) {
            name = p.value();
          }
        } catch (NoSuchFieldException ignored) {
          // every constant is a field
        }
        byName.put(name, e);
        names.put(e, name);
      }
      Method creator = null;
      for (Method m : raw.getDeclaredMethods()) {
        if (Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonCreator.class)
            && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class) {
          creator = m;
        }
      }
      Method factory = creator;
      return (TypeAdapter<T>) new TypeAdapter<Enum>() {
        @Override
        public void write(JsonWriter out, Enum value) throws IOException {
          out.value(names.get(value));
        }

        @Override
        public Enum read(JsonReader in) throws IOException {
          String s = in.nextString();
          if (factory != null) { // e.g. LoggingLevel.fromValue: case-insensitive, with the SDK's own fallback
            try {
              return (Enum) factory.invoke(null, s);
            } catch (ReflectiveOperationException e) {
              throw new JsonParseException("invalid " + raw.getSimpleName() + " \"" + s + "\"", e);
            }
          }
          Enum<?> e = byName.get(s);
          if (e == null) {
            throw new JsonParseException("unknown " + raw.getSimpleName() + " value \"" + s + "\"; expected one of "
                + byName.keySet());
          }
          return e;
        }
      }.nullSafe();
    }
  }

  /**
   * The SDK's records: read through their {@code @JsonCreator} (a static factory or a constructor) with its
   * {@code @JsonProperty} parameters when they declare one, as Jackson does; written by Gson's record support, with
   * the type property first when the record is a named subtype of a {@code @JsonTypeInfo(include = PROPERTY)}
   * interface (a {@code TextContent} is written with {@code "type":"text"} wherever it appears).
   */
  private static final class JacksonRecords implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (!raw.isRecord() || !raw.getName().startsWith("io.modelcontextprotocol.")) {
        return null;
      }
      Executable creator = creatorOf(raw);
      String[] tag = tagOf(raw);
      if (creator == null && tag == null) {
        return null;
      }
      TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
      TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
      TypeAdapter<T> reader = creator == null ? delegate : new CreatorReader<>(gson, raw, creator, elements);
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          if (tag == null) {
            delegate.write(out, value);
            return;
          }
          JsonObject tagged = new JsonObject();
          tagged.addProperty(tag[0], tag[1]);
          for (Map.Entry<String, JsonElement> e : delegate.toJsonTree(value).getAsJsonObject().entrySet()) {
            tagged.add(e.getKey(), e.getValue());
          }
          elements.write(out, tagged);
        }

        @Override
        public T read(JsonReader in) throws IOException {
          return reader.read(in);
        }
      };
    }

    /** {property, name} when a PROPERTY-tagged interface lists this record among its named subtypes. */
    private static String[] tagOf(Class<?> raw) {
      for (Class<?> i : raw.getInterfaces()) {
        JsonTypeInfo info = i.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes subtypes = i.getAnnotation(JsonSubTypes.class);
        if (info == null || subtypes == null || info.use() != JsonTypeInfo.Id.NAME
            || info.include() != JsonTypeInfo.As.PROPERTY) {
          continue;
        }
        for (JsonSubTypes.Type t : subtypes.value()) {
          if (t.value() == raw && !t.name().isEmpty()) {
            return new String[] {info.property().isEmpty() ? "type" : info.property(), t.name()};
          }
        }
      }
      return null;
    }

    private static Executable creatorOf(Class<?> raw) {
      for (Method m : raw.getDeclaredMethods()) {
        if (Modifier.isStatic(m.getModifiers()) && m.isAnnotationPresent(JsonCreator.class)) {
          return m;
        }
      }
      for (Constructor<?> c : raw.getDeclaredConstructors()) {
        if (c.isAnnotationPresent(JsonCreator.class)) {
          return c;
        }
      }
      return null;
    }
  }

  /** Reads a JSON object through a {@code @JsonCreator}, each parameter by its {@code @JsonProperty} name. */
  private static final class CreatorReader<T> extends TypeAdapter<T> {
    private final Gson gson;
    private final Class<?> raw;
    private final Executable creator;
    private final TypeAdapter<JsonElement> elements;
    private final Parameter[] params;
    private final Type[] types;
    private final String[] names;

    CreatorReader(Gson gson, Class<?> raw, Executable creator, TypeAdapter<JsonElement> elements) {
      this.gson = gson;
      this.raw = raw;
      this.creator = creator;
      this.elements = elements;
      creator.setAccessible(true);
      this.params = creator.getParameters();
      this.types = creator.getGenericParameterTypes();
      this.names = new String[params.length];
      for (int i = 0; i < params.length; i++) {
        JsonProperty p = params[i].getAnnotation(JsonProperty.class);
        names[i] = p != null ? p.value() : params[i].getName();
      }
    }

    @Override
    public void write(JsonWriter out, T value) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    @SuppressWarnings("unchecked")
    public T read(JsonReader in) throws IOException {
      JsonObject obj = objectOrNull(elements, in, raw);
      if (obj == null) {
        return null;
      }
      Object[] args = new Object[names.length];
      for (int i = 0; i < names.length; i++) {
        JsonElement v = obj.get(names[i]);
        args[i] = v == null || v.isJsonNull() ? defaultFor(params[i].getType())
            : gson.fromJson(v, TypeToken.get(types[i]));
      }
      try {
        return (T) (creator instanceof Method m ? m.invoke(null, args)
            : ((Constructor<?>) creator).newInstance(args));
      } catch (ReflectiveOperationException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        throw new JsonParseException("invalid " + raw.getSimpleName() + ": " + cause.getMessage(), cause);
      }
    }

    private static Object defaultFor(Class<?> type) {
      if (!type.isPrimitive()) {
        return null;
      }
      if (type == boolean.class) {
        return false;
      }
      return type == long.class ? (Object) 0L : type == double.class ? (Object) 0.0 : (Object) 0;
    }
  }

  /** {@code @JsonTypeInfo} interfaces: the subtype from the type property (or from the fields, for DEDUCTION). */
  private static final class JacksonSubtypes implements TypeAdapterFactory {
    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      JsonTypeInfo info = raw.getAnnotation(JsonTypeInfo.class);
      JsonSubTypes subtypes = raw.getAnnotation(JsonSubTypes.class);
      if (!raw.isInterface() || info == null || subtypes == null) {
        return null;
      }
      Map<String, Class<?>> byName = new LinkedHashMap<>();
      for (JsonSubTypes.Type t : subtypes.value()) {
        byName.put(t.name().isEmpty() ? t.value().getSimpleName() : t.name(), t.value());
      }
      String property = info.property().isEmpty() ? "type" : info.property();
      Class<?> defaultImpl = info.defaultImpl() == JsonTypeInfo.class || info.defaultImpl() == Void.class
          ? null : info.defaultImpl();
      TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
      return (TypeAdapter<T>) new TypeAdapter<Object>() {
        @Override
        public void write(JsonWriter out, Object value) throws IOException {
          // The subtype's own adapter (JacksonRecords) writes the type property.
          ((TypeAdapter<Object>) gson.getAdapter(value.getClass())).write(out, value);
        }

        @Override
        public Object read(JsonReader in) throws IOException {
          JsonObject obj = objectOrNull(elements, in, raw);
          if (obj == null) {
            return null;
          }
          Class<?> target;
          if (info.use() == JsonTypeInfo.Id.DEDUCTION) {
            target = deduce(obj, byName);
          } else {
            JsonElement tag = obj.get(property);
            target = tag != null && tag.isJsonPrimitive() ? byName.get(tag.getAsString()) : null;
            if (target == null) {
              target = defaultImpl;
            }
          }
          if (target == null) {
            throw new JsonParseException("cannot tell which " + raw.getSimpleName() + " this is: " + obj);
          }
          return gson.fromJson(obj, target);
        }
      }.nullSafe();
    }

    /** The subtype whose JSON property names cover the most of the object's keys (Jackson's DEDUCTION). */
    private static Class<?> deduce(JsonObject obj, Map<String, Class<?>> candidates) {
      Class<?> best = null;
      int bestScore = -1;
      for (Class<?> c : candidates.values()) {
        int score = 0;
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers())) {
            continue;
          }
          JsonProperty p = f.getAnnotation(JsonProperty.class);
          if (obj.has(p != null ? p.value() : f.getName())) {
            score++;
          }
        }
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      return best;
    }
  }

  /** The next value as a JSON object, or null for JSON null; anything else is an error naming {@code type}. */
  private static JsonObject objectOrNull(TypeAdapter<JsonElement> elements, JsonReader in, Class<?> type)
      throws IOException {
    JsonElement tree = elements.read(in);
    if (tree == null || tree.isJsonNull()) {
      return null;
    }
    if (!tree.isJsonObject()) {
      throw new JsonParseException("expected a JSON object for " + type.getSimpleName() + ", got " + tree);
    }
    return tree.getAsJsonObject();
  }
}
