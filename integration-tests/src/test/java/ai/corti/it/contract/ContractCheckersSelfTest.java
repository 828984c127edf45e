package ai.corti.it.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.it.support.BodyCoverage;
import ai.corti.it.support.JsonMatch;
import ai.corti.it.support.SpecDocument;
import ai.corti.it.support.SpecRequestMatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockserver.model.HttpRequest;

/**
 * The contract suite's own checkers can fail: each finding they exist for is produced from a small document, so a
 * green {@link LifecycleContractTest} means the requests and answers were compared, not that nothing was.
 */
@Timeout(10)
class ContractCheckersSelfTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Nodes of an output tree told apart by {@code type}, an object with an optional nested one, a plain oneOf. */
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /things/{id}/parts/{name}:
                post:
                  operationId: things_upload
                  parameters:
                    - {name: Tenant-Name, in: header, required: true, schema: {type: string}}
                    - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/UUID'}}
                    - {name: name, in: path, required: true, schema: {type: string}}
                  requestBody:
                    content:
                      application/octet-stream: {schema: {type: string, format: binary}}
                  responses: {'201': {description: created}}
            components:
              schemas:
                UUID: {type: string, format: uuid}
                Thing:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    note: {type: string, nullable: true}
                    owner: {$ref: '#/components/schemas/Owner'}
                    node: {$ref: '#/components/schemas/Node'}
                    input: {$ref: '#/components/schemas/Input'}
                Owner:
                  type: object
                  required: [id]
                  properties: {id: {type: string}, email: {type: string}}
                Node:
                  oneOf: [{$ref: '#/components/schemas/Leaf'}, {$ref: '#/components/schemas/Branch'}]
                  discriminator: {propertyName: type, mapping: {leaf: '#/components/schemas/Leaf', branch: '#/components/schemas/Branch'}}
                Leaf:
                  type: object
                  required: [type]
                  properties: {type: {type: string, enum: [leaf]}, label: {type: string}}
                Branch:
                  type: object
                  required: [type, child]
                  properties:
                    type: {type: string, enum: [branch]}
                    child: {description: another node, allOf: [{$ref: '#/components/schemas/Node'}]}
                Input:
                  oneOf: [{type: string, title: Text}, {$ref: '#/components/schemas/Owner'}]
            """;

    private static final SpecDocument DOC = parse();
    private static final BodyCoverage COVERAGE = new BodyCoverage(DOC);
    private static final JsonNode THING = JSON.createObjectNode().put("$ref", "#/components/schemas/Thing");

    private static SpecDocument parse() {
        try {
            return SpecDocument.of(new YAMLMapper().readTree(SPEC));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void bodiesThatTogetherPopulateEveryFieldAndBranchHaveNothingMissing() throws Exception {
        List<JsonNode> bodies = List.of(
                json("{'name':'a','note':'n','owner':{'id':'1','email':'e'},'node':{'type':'leaf','label':'l'},'input':'x'}"),
                json("{'name':'b','node':{'type':'branch','child':{'type':'leaf'}},'input':{'id':'2','email':'f'}}"));

        assertThat(COVERAGE.missing(THING, bodies)).isEmpty();
    }

    @Test
    void aMissingFieldANullObjectAndAnUnsentBranchAreNamed() throws Exception {
        List<JsonNode> bodies = List.of(json("{'name':'a','note':null,'owner':null,'node':{'type':'leaf'},'input':'x'}"));

        assertThat(COVERAGE.missing(THING, bodies)).containsExactly(
                "owner (only null sent)",
                "node<Leaf>.label",
                "node<Branch> (oneOf branch never sent)",
                "input<Owner> (oneOf branch never sent)");
    }

    @Test
    void anEmptyArrayOfBodiesIsNamedNotPassed() {
        assertThat(COVERAGE.missing(THING, List.of())).containsExactly("(body) (no value sent)");
    }

    @Test
    void fieldsTheSchemaDoesNotDeclareAreNamedAtAnyDepthAndThroughAWrappedRef() throws Exception {
        JsonNode body = json("{'name':'a','colour':'red','owner':{'id':'1','phone':'2'},"
                + "'node':{'type':'branch','child':{'type':'leaf','weight':3}}}");

        assertThat(COVERAGE.undeclared(THING, body))
                .containsExactly("colour (not declared)", "owner.phone (not declared)", "node.child.weight (not declared)");
    }

    @Test
    void aValueOfNoBranchIsNamed() throws Exception {
        assertThat(COVERAGE.undeclared(THING, json("{'name':'a','node':{'type':'twig'}}")))
                .containsExactly("node (matches no oneOf branch)");
    }

    @Test
    void optionalFieldsInAMinimalBodyAreNamedButRequiredOnesAreNot() throws Exception {
        assertThat(COVERAGE.optionalSent(THING, json("{'name':'a'}"))).isEmpty();
        assertThat(COVERAGE.optionalSent(THING, json("{'name':'a','owner':{'id':'1','email':'e'}}")))
                .containsExactly("owner (optional)", "owner.email (optional)");
    }

    @Test
    void jsonMatchAcceptsTheSameValuesRespelled() throws Exception {
        assertThat(JsonMatch.differences(
                json("{'at':'2018-11-13T20:20:39+00:00','n':1.50,'gone':null,'list':[1,2]}"),
                json("{'at':'2018-11-13T20:20:39Z','n':1.5,'list':[1,2],'unset':null}"))).isEmpty();
    }

    @Test
    void jsonMatchNamesEveryDifference() throws Exception {
        assertThat(JsonMatch.differences(
                json("{'a':'x','b':{'c':1},'d':[1,2],'e':'2018-11-13T20:20:39Z','f':true}"),
                json("{'a':'y','b':{},'d':[1],'e':'2018-11-13T20:20:40Z','f':'true','g':0}")))
                .containsExactly(
                        "$.a: answered \"x\", decoded \"y\"",
                        "$.b.c: answered 1, decoded null",
                        "$.d: answered 2 items, decoded 1",
                        "$.e: answered \"2018-11-13T20:20:39Z\", decoded \"2018-11-13T20:20:40Z\"",
                        "$.f: answered true, decoded \"true\"",
                        "$.g: not answered, decoded 0");
    }

    @Test
    void theSpecMatcherHoldsPathParametersToTheirFormatAndNeedsTheHeaders() {
        HttpRequest match = SpecRequestMatcher.of(DOC, DOC.operation("things_upload"), "/v2");
        Pattern path = Pattern.compile(match.getPath().getValue());

        assertThat(match.getMethod().getValue()).isEqualTo("POST");
        assertThat(path.matcher("/v2/things/0b5f3c2e-6d1a-4c8e-9f27-3a4b5c6d7e8f/parts/intro").matches()).isTrue();
        assertThat(path.matcher("/v2/things/not-a-uuid/parts/intro").matches()).isFalse();
        assertThat(path.matcher("/v2/things/0b5f3c2e-6d1a-4c8e-9f27-3a4b5c6d7e8f/parts/a/b").matches()).isFalse();
        assertThat(match.getHeaderList()).extracting(h -> h.getName().getValue())
                .containsExactlyInAnyOrder("Authorization", "Tenant-Name", "Content-Type");
        assertThat(Pattern.matches(match.getFirstHeader("Content-Type"), "application/octet-stream")).isTrue();
        assertThat(Pattern.matches(match.getFirstHeader("Content-Type"), "application/json")).isFalse();
    }

    @Test
    void theExceptionExpectedPerStatusFollowsTheDocumentedMapping() {
        assertThat(Answers.exceptionOf(422)).isEqualTo(ai.corti.client.core.error.CortiApiException.class);
        assertThat(Answers.exceptionOf(502)).isEqualTo(ai.corti.client.core.error.ServerException.class);
        assertThat(Answers.exceptionOf(504)).isEqualTo(ai.corti.client.core.error.GatewayTimeoutException.class);
    }
}
