package de.bwaldvogel.mongo.backend;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code $set} and {@code $unset} walked here leave every document as the library's operators leave it. */
class PlainPathUpdatesTest {

    private static final List<String> SEGMENTS = List.of("a", "b", "c", "0", "1", "2", "_id", "x1");
    /** Two it walks, and one it leaves to the library. */
    private static final List<UpdateOperator> OPERATORS = List.of(UpdateOperator.SET, UpdateOperator.UNSET,
            UpdateOperator.INC);
    private static final List<Object> VALUES = List.of(1, 1L, 1.0, 2, "s", "1", true, new ArrayList<>(List.of(1)));

    @Test
    void givenRandomDocumentsAndSetsUnsetsAndIncs_whenApplied_thenEachDocumentAndRefusalIsTheLibrarys() {
        Random random = new Random(17);
        int walkedHere = 0;
        for (int i = 0; i < 20_000; i++) {
            Document document = randomDocument(random, 0);
            UpdateOperator operator = OPERATORS.get(random.nextInt(OPERATORS.size()));
            String operatorName = operator.getValue();
            Document paths = randomPaths(random, document);
            Document update = new Document(operatorName, paths);

            String ours = outcome(document.cloneDeeply(), doc -> LibraryUpdates.apply(doc, update, "_id"));
            String library = outcome(document.cloneDeeply(), doc -> {
                AbstractMongoCollection.validateUpdateQuery(update); // as the store checks an update first
                new FieldUpdates(doc, operator, "_id", false, null, ArrayFilters.empty()).apply(paths, operatorName);
            });

            assertThat(ours).as(document + " " + update).isEqualTo(library);
            boolean walked = !LibraryUpdatesTest.refusedByLibrary(update)
                    && PlainPathUpdates.apply(document.cloneDeeply(), operator, paths, "_id");
            walkedHere += walked ? 1 : 0;
        }
        assertThat(walkedHere).as("updates walked here, not left to the library").isBetween(2_000, 16_000);
    }

    @Test
    void givenASetOfAnEqualValueOfAnotherType_whenApplied_thenTheStoredTypeStays() {
        Document run = new Document("_id", "r1").append("steps", new ArrayList<>(List.of(new Document("n", 1))));

        LibraryUpdates.apply(run, new Document("$set", new Document("steps.0.n", 1L)), "_id");

        assertThat(typed(run)).isEqualTo(typed(new Document("_id", "r1")
                .append("steps", List.of(new Document("n", 1)))));
    }

    private static String outcome(Document document, java.util.function.Consumer<Document> update) {
        try {
            update.accept(document);
            return typed(document);
        } catch (RuntimeException refused) {
            return "refused: " + refused.getClass().getSimpleName() + " " + refused.getMessage();
        }
    }

    /** The value with the type of every scalar in it: 1 and 1L are equal to the library's Document, not stored alike. */
    private static String typed(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + typed(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlainPathUpdatesTest::typed).collect(Collectors.joining(", ", "[", "]"));
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    private static Document randomDocument(Random random, int depth) {
        Document document = new Document();
        for (int i = random.nextInt(4); i > 0; i--) {
            document.put(SEGMENTS.get(random.nextInt(SEGMENTS.size())), randomValue(random, depth + 1));
        }
        return document;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 2 : 5);
        return switch (kind) {
            case 0 -> VALUES.get(random.nextInt(VALUES.size())) instanceof List<?> list ? new ArrayList<>(list)
                    : VALUES.get(random.nextInt(VALUES.size() - 1));
            case 1 -> null;
            case 2, 3 -> randomDocument(random, depth);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    /** Paths of random segments, and as many that lead through what the document holds (to a field there or not). */
    private static Document randomPaths(Random random, Document document) {
        Document paths = new Document();
        for (int p = 1 + random.nextInt(3); p > 0; p--) {
            StringBuilder path = new StringBuilder();
            Object at = document;
            while (random.nextBoolean() && (at instanceof Document || at instanceof List<?>)) {
                List<String> keys = at instanceof Document held ? List.copyOf(held.keySet())
                        : java.util.stream.IntStream.range(0, ((List<?>) at).size()).mapToObj(String::valueOf).toList();
                if (keys.isEmpty()) {
                    break;
                }
                String key = keys.get(random.nextInt(keys.size()));
                path.append(path.isEmpty() ? "" : ".").append(key);
                at = at instanceof Document held ? held.get(key) : ((List<?>) at).get(Integer.parseInt(key));
            }
            for (int depth = path.isEmpty() ? 1 + random.nextInt(4) : random.nextInt(2); depth > 0; depth--) {
                path.append(path.isEmpty() ? "" : ".").append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
            }
            Object value = VALUES.get(random.nextInt(VALUES.size()));
            paths.put(path.toString(), value instanceof List<?> list ? new ArrayList<>(list) : value);
        }
        return paths;
    }
}
