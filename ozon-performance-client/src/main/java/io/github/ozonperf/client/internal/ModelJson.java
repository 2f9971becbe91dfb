package io.github.ozonperf.client.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.github.ozonperf.client.invoker.JSON;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One-pass JSON binding for the generated models. Not API: the generated okhttp-gson adapters read every answer
 * into a {@code JsonElement} tree, walk it to validate, and bind it from the tree again, once per nesting level
 * (a list of campaigns is validated twice); that was 43 % of the CPU of a typical call. These adapters bind straight
 * from the stream with the same outcome:
 * <ul>
 *   <li>known fields are bound by their {@code @SerializedName}, with the same Gson adapters as before (enums keep
 *       their generated adapters, which keep unknown values as sent: the enums are open);</li>
 *   <li>a field's {@link WireAliases} bind to the same field ({@code PaymentType} as {@code paymentType});</li>
 *   <li>unknown fields still land in {@code getAdditionalProperties()}, converted as the generated code does
 *       (string, number, boolean, {@code List}, {@code HashMap});</li>
 *   <li>a required field that is missing or {@code null} is still an error ({@link JsonParseException}), as is a
 *       value of the wrong shape (an object where a string belongs, say);</li>
 *   <li>writing emits the known non-null fields, then the additional properties, as the generated code does.</li>
 * </ul>
 * Timestamps and dates get a fast path for the ISO forms Ozon sends and fall back to the generated parsers.
 */
public final class ModelJson {
  private static final String MODEL_PACKAGE = "io.github.ozonperf.client.model.";
  private static final Gson GSON = JSON.getGson().newBuilder()
      // The generated adapter's rule: "+0000" is read as "Z"; everything else is ISO_OFFSET_DATE_TIME.
      .registerTypeAdapter(OffsetDateTime.class, new FastIso<>(new JSON.OffsetDateTimeTypeAdapter(),
          ModelJson::parseOffsetDateTime, s -> OffsetDateTime.parse(s.endsWith("+0000")
              ? s.substring(0, s.length() - 5) + "Z" : s, DateTimeFormatter.ISO_OFFSET_DATE_TIME)).nullSafe())
      .registerTypeAdapter(LocalDate.class, new FastIso<>(new JSON.LocalDateTypeAdapter(),
          ModelJson::parseLocalDate, s -> LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE)).nullSafe())
      .registerTypeAdapterFactory(new StreamingModels())
      .create();

  private ModelJson() {
  }

  /**
   * The Gson that binds the generated models in one pass.
   *
   * @return a shared, thread-safe Gson
   */
  public static Gson gson() {
    return GSON;
  }

  /** Adapters for the generated object models (classes with {@code openapiFields}); enums are left to Gson. */
  private static final class StreamingModels implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (!isObjectModel(raw) || Modifier.isAbstract(raw.getModifiers())) {
        return null;
      }
      @SuppressWarnings("unchecked")
      TypeAdapter<T> adapter = (TypeAdapter<T>) new ModelAdapter<>(gson, raw);
      return adapter.nullSafe();
    }
  }

  /** One bound field; {@code modelList}: a list of models, where the generated code rejects null elements. */
  private record Bound(String name, Field field, TypeAdapter<Object> adapter, int requiredIndex, boolean modelList) {
  }

  private static final class ModelAdapter<T> extends TypeAdapter<T> {
    private final Gson gson;
    private final TypeAdapter<JsonElement> elements;
    private final Class<T> type;
    private final Constructor<T> constructor;
    private final Map<String, Bound> byName = new HashMap<>();
    private final List<Bound> fields = new ArrayList<>();
    private final List<Bound> required = new ArrayList<>();
    private final Method putAdditional;
    private final Method getAdditional;

    @SuppressWarnings("unchecked")
    ModelAdapter(Gson gson, Class<T> type) {
      this.gson = gson;
      this.elements = gson.getAdapter(JsonElement.class);
      this.type = type;
      try {
        constructor = type.getDeclaredConstructor();
        putAdditional = type.getMethod("putAdditionalProperty", String.class, Object.class);
        getAdditional = type.getMethod("getAdditionalProperties");
        Collection<String> requiredNames = (Collection<String>) type.getField("openapiRequiredFields").get(null);
        for (Field f : type.getDeclaredFields()) {
          SerializedName name = f.getAnnotation(SerializedName.class);
          if (name == null || Modifier.isStatic(f.getModifiers())) {
            continue;
          }
          f.setAccessible(true);
          TypeAdapter<Object> adapter = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(f.getGenericType()));
          boolean isRequired = requiredNames.contains(name.value());
          Bound b = new Bound(name.value(), f, adapter, isRequired ? required.size() : -1,
              isModelList(f.getGenericType()));
          byName.put(b.name, b);
          WireAliases aliases = f.getAnnotation(WireAliases.class);
          for (String alias : aliases == null ? new String[0] : aliases.value()) {
            byName.put(alias, b);
          }
          fields.add(b);
          if (isRequired) {
            required.add(b);
          }
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("not a generated model: " + type.getName(), e);
      }
    }

    @Override
    public T read(JsonReader in) throws IOException {
      T instance;
      try {
        instance = constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
      }
      boolean[] seen = required.isEmpty() ? null : new boolean[required.size()];
      in.beginObject();
      try {
        while (in.hasNext()) {
          String name = in.nextName();
          Bound b = byName.get(name);
          if (b == null) {
            putAdditional.invoke(instance, name, additional(elements.read(in)));
            continue;
          }
          Object value = b.adapter.read(in);
          if (b.modelList && value instanceof List<?> list && list.contains(null)) {
            throw new JsonParseException("`" + name + "` of " + type.getSimpleName() + " has a null element");
          }
          b.field.set(instance, value);
          if (b.requiredIndex >= 0 && value != null) {
            seen[b.requiredIndex] = true;
          }
        }
        in.endObject();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot bind " + type.getSimpleName(), e);
      }
      for (int i = 0; seen != null && i < seen.length; i++) {
        if (!seen[i]) {
          // Presence in the JSON, not the field: the generated constructor pre-fills required lists.
          throw new JsonParseException("The required field `" + required.get(i).name + "` of "
              + type.getSimpleName() + " is missing or null");
        }
      }
      return instance;
    }

    /** The generated code's conversion of an unknown field's value. */
    private Object additional(JsonElement value) {
      if (value.isJsonPrimitive()) {
        JsonPrimitive p = value.getAsJsonPrimitive();
        if (p.isString()) {
          return p.getAsString();
        }
        return p.isNumber() ? p.getAsNumber() : (Object) p.getAsBoolean();
      }
      if (value.isJsonArray()) {
        return gson.fromJson(value, List.class);
      }
      return value.isJsonNull() ? null : gson.fromJson(value, HashMap.class);
    }

    @Override
    public void write(JsonWriter out, T value) throws IOException {
      out.beginObject();
      try {
        for (Bound b : fields) {
          Object v = b.field.get(value);
          if (v != null) {
            out.name(b.name);
            b.adapter.write(out, v);
          }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> extra = (Map<String, Object>) getAdditional.invoke(value);
        if (extra != null) {
          for (Map.Entry<String, Object> e : extra.entrySet()) {
            out.name(e.getKey());
            gson.toJson(e.getValue(), Object.class, out);
          }
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot write " + type.getSimpleName(), e);
      }
      out.endObject();
    }
  }

  /**
   * A timestamp or date: the ISO forms Ozon sends are parsed by hand (a {@code DateTimeFormatter} parse was 6 % of
   * a list call's CPU); anything else goes to the generated parser's rules.
   */
  private static final class FastIso<T> extends TypeAdapter<T> {
    private final TypeAdapter<T> generated;
    private final Function<String, T> fast;
    private final Function<String, T> generatedRule;

    FastIso(TypeAdapter<T> generated, Function<String, T> fast, Function<String, T> generatedRule) {
      this.generated = generated;
      this.fast = fast;
      this.generatedRule = generatedRule;
    }

    @Override
    public void write(JsonWriter out, T value) throws IOException {
      generated.write(out, value);
    }

    @Override
    public T read(JsonReader in) throws IOException {
      if (in.peek() != JsonToken.STRING) {
        return generated.read(in);
      }
      String s = in.nextString();
      T parsed = fast.apply(s);
      return parsed != null ? parsed : generatedRule.apply(s);
    }
  }

  /** {@code 2024-01-31T09:00:00Z}, {@code …:00.123+03:00}; null for anything else. */
  static OffsetDateTime parseOffsetDateTime(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    LocalDate date = parseLocalDate(s.substring(0, 10));
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (date == null || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int len = i - start;
      if (len == 0 || len > 9) {
        return null;
      }
      nanos = digits(s, start, i);
      for (int k = len; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, i + 3);
      int om = digits(s, i + 4, i + 6);
      if (oh < 0 || om < 0 || om > 59) {
        return null;
      }
      int total = oh * 3600 + om * 60;
      try {
        offset = ZoneOffset.ofTotalSeconds(s.charAt(i) == '-' ? -total : total);
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second,
          nanos, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** {@code 2024-01-31}; null for anything else. */
  static LocalDate parseLocalDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int y = digits(s, 0, 4);
    int m = digits(s, 5, 7);
    int d = digits(s, 8, 10);
    if (y < 0 || m < 0 || d < 0) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean isModelList(java.lang.reflect.Type t) {
    if (t instanceof ParameterizedType p && p.getRawType() == List.class
        && p.getActualTypeArguments()[0] instanceof Class<?> element) {
      return isObjectModel(element);
    }
    return false;
  }

  /** A generated object model (it has {@code openapiFields}); open enums and other classes are not. */
  private static boolean isObjectModel(Class<?> type) {
    if (!type.getName().startsWith(MODEL_PACKAGE)) {
      return false;
    }
    try {
      type.getDeclaredField("openapiFields");
      return true;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  /** The decimal value of s[from, to), or -1 when a character is not an ASCII digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

}
