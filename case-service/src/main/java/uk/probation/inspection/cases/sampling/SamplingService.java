package uk.probation.inspection.cases.sampling;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.probation.inspection.cases.casefile.CaseInput;
import uk.probation.inspection.cases.casefile.CaseRules;
import uk.probation.inspection.cases.casefile.CaseService;
import uk.probation.inspection.cases.casefile.SampledCase;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.problem.ValidationErrors;
import uk.probation.inspection.platform.security.Caller;

/** Proposes a case sample from a long list, and registers an accepted one as the inspection's cases in one step. */
@ApplicationScoped
public class SamplingService {

    /** The longest long list one request may carry: a PDU's eligible cases in a sampling window are hundreds. */
    public static final int MAX_LONG_LIST = 5_000;
    static final int MAX_TEXT = 100;

    /** One case of the long list as sent; the last three are only needed to register it once sampled. */
    public record LongListItem(String caseRef, String officer, String unit, String gender, String cohort,
            String roshLevel, String startDate, String exclude, String sentenceType, Object youngAdult,
            String ethnicity) {
    }

    public record SamplingRequest(Integer size, BigDecimal buffer, Long seed, List<LongListItem> cases) {
    }

    /** The draw (contract.md) with the proposal to accept and the cases taken over the officer cap. */
    public record Proposal(UUID proposalId, List<String> sample, List<String> reserve,
            List<Sampler.StratumReport> strata, Map<String, Integer> officers, List<Sampler.Exclusion> excluded,
            List<Sampler.OverCap> overCap, long seed, int size, BigDecimal buffer) {
    }

    public record Accepted(UUID proposalId, int registered, List<String> caseRefs) {
    }

    @Inject
    InspectionAccess access;

    @Inject
    CaseService cases;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Transactional
    public Proposal propose(String inspectionId, SamplingRequest request) {
        Inspection inspection = access.lockForLeadWrite(inspectionId);
        SamplingRules rules = rules(inspection);
        ValidationErrors problems = new ValidationErrors();
        if (request == null) {
            throw ProblemException.badRequest("A JSON object with size, seed and cases is required");
        }
        if (request.cases() != null && request.cases().size() > MAX_LONG_LIST) {
            throw tooLong();
        }
        BigDecimal buffer = checkParameters(request, rules, problems);
        List<LongListCase> list = new ArrayList<>();
        if (request.cases() == null || request.cases().isEmpty()) {
            problems.add(FieldError.field("cases", "is required: the long list, at least one case"));
        } else {
            for (int i = 0; i < request.cases().size() && !problems.full(); i++) {
                String at = "cases[" + i + "]";
                if (request.cases().get(i) == null) {
                    problems.add(FieldError.field(at, "must be a case object"));
                    continue;
                }
                list.add(check(request.cases().get(i), (field, message) -> FieldError.field(at + "." + field, message),
                        problems));
            }
        }
        return draw(inspection, rules, request, buffer, list, problems);
    }

    /**
     * The same, from a CSV long list: one case a row, columns named as the JSON fields ({@link LongListCsv}); size,
     * buffer and seed as text (query parameters). A bad row is named by its line and column.
     */
    @Transactional
    public Proposal propose(String inspectionId, String size, String buffer, String seed, String csv) {
        Inspection inspection = access.lockForLeadWrite(inspectionId);
        SamplingRules rules = rules(inspection);
        ValidationErrors problems = new ValidationErrors();
        // a value that is not a number is checked as one out of range, so each parameter has one problem
        SamplingRequest parameters = new SamplingRequest(parse(size, Integer::valueOf, -1),
                parse(buffer, BigDecimal::new, BigDecimal.valueOf(-1)), parse(seed, Long::valueOf, null), null);
        BigDecimal checkedBuffer = checkParameters(parameters, rules, problems);
        List<LongListItem> items = new ArrayList<>();
        List<LongListCase> list = new ArrayList<>();
        java.util.Iterator<LongListCsv.Line> lines = LongListCsv.lines(csv);
        while (lines.hasNext() && !problems.full()) {
            LongListCsv.Line line = lines.next();
            if (items.size() == MAX_LONG_LIST) {
                throw tooLong();
            }
            items.add(line.item());
            list.add(check(line.item(), (field, message) -> FieldError.line(line.number(), field, message), problems));
        }
        SamplingRequest request = new SamplingRequest(parameters.size(), parameters.buffer(), parameters.seed(), items);
        return draw(inspection, rules, request, checkedBuffer, list, problems);
    }

    private static ProblemException tooLong() {
        return new ProblemException(413, "Payload too large", "A long list may hold at most " + MAX_LONG_LIST + " cases",
                null);
    }

    /** Null when absent (missing, or the default buffer); {@code bad} when not a number. */
    private static <T> T parse(String text, java.util.function.Function<String, T> parser, T bad) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (NumberFormatException e) {
            return bad;
        }
    }

    /** size, buffer and seed; the buffer to draw with (the framework's when none is sent). */
    private static BigDecimal checkParameters(SamplingRequest request, SamplingRules rules, ValidationErrors problems) {
        if (request.size() == null || request.size() < 1 || request.size() > CaseService.MAX_CASES_PER_REQUEST) {
            problems.add(FieldError.field("size", "is required: a whole number from 1 to " + CaseService.MAX_CASES_PER_REQUEST));
        }
        BigDecimal buffer = request.buffer() == null ? BigDecimal.valueOf(rules.buffer()) : request.buffer();
        if (buffer.signum() < 0 || buffer.compareTo(BigDecimal.ONE) > 0) {
            problems.add(FieldError.field("buffer", "must be a number from 0 to 1"));
        }
        if (request.seed() == null) {
            problems.add(FieldError.field("seed", "is required (a whole number): the same seed draws the same sample"));
        }
        return buffer;
    }

    private Proposal draw(Inspection inspection, SamplingRules rules, SamplingRequest request, BigDecimal buffer,
            List<LongListCase> list, ValidationErrors problems) {
        if (!problems.isEmpty()) {
            throw problems.invalid("No sample was drawn");
        }
        Sampler.Draw draw;
        try {
            draw = Sampler.draw(rules, new Sampler.Request(list, request.size(), buffer.doubleValue(), request.seed(),
                    inspection.sampleFrom, inspection.sampleTo));
        } catch (Sampler.NotEnoughCases e) {
            problems.add(FieldError.field("size", request.size() + " asked for, but only " + e.eligible
                    + " cases of the long list are eligible"));
            throw problems.invalid("No sample was drawn");
        }
        SamplingProposal proposal = new SamplingProposal();
        proposal.id = UUID.randomUUID();
        proposal.inspectionId = inspection.id;
        proposal.seed = request.seed();
        proposal.size = request.size();
        proposal.buffer = buffer;
        proposal.longList = write(request.cases());
        proposal.draw = write(draw);
        proposal.proposedBy = caller.username();
        proposal.proposedAt = Instant.now();
        proposal.persist();
        return proposal(proposal.id, draw, request.seed(), request.size(), buffer);
    }

    /**
     * Registers the proposal's sample as the inspection's cases: all or none, one {@code case.registered} each,
     * through the same checks as {@code POST /cases} (a case already registered, or without what registration
     * needs, refuses the whole acceptance, 422, naming the case by its place in the long list).
     */
    @Transactional
    public Accepted accept(String inspectionId, String proposalId) {
        Inspection inspection = access.lockForLeadWrite(inspectionId);
        SamplingProposal proposal = find(inspection, proposalId);
        if (proposal.acceptedAt != null) {
            throw new ProblemException(409, "Already accepted", "Proposal " + proposal.id + " was accepted by "
                    + proposal.acceptedBy + " at " + proposal.acceptedAt, null);
        }
        List<LongListItem> longList = read(proposal.longList, new TypeReference<>() {
        });
        Sampler.Draw draw = read(proposal.draw, new TypeReference<>() {
        });
        Map<String, Integer> position = new HashMap<>();
        for (int i = longList.size() - 1; i >= 0; i--) {
            position.put(longList.get(i).caseRef(), i);
        }
        List<CaseInput> inputs = new ArrayList<>();
        for (String ref : draw.sample()) {
            int i = position.get(ref);
            LongListItem item = longList.get(i);
            inputs.add(new CaseInput(null, i, item.caseRef(), item.cohort(), item.sentenceType(),
                    item.youngAdult() == null ? null : String.valueOf(item.youngAdult()), item.gender(),
                    item.ethnicity(), item.roshLevel(), item.startDate()));
        }
        List<SampledCase> registered = cases.register(inspectionId, inputs.iterator());
        proposal.acceptedBy = caller.username();
        proposal.acceptedAt = Instant.now();
        return new Accepted(proposal.id, registered.size(), registered.stream().map(c -> c.caseRef).toList());
    }

    @Transactional
    public Proposal read(String inspectionId, String proposalId) {
        Inspection inspection = access.ofTeam(inspectionId);
        SamplingProposal proposal = find(inspection, proposalId);
        Sampler.Draw draw = read(proposal.draw, new TypeReference<>() {
        });
        return proposal(proposal.id, draw, proposal.seed, proposal.size, proposal.buffer);
    }

    private static Proposal proposal(UUID id, Sampler.Draw draw, long seed, int size, BigDecimal buffer) {
        return new Proposal(id, draw.sample(), draw.reserve(), draw.strata(), new LinkedHashMap<>(draw.officers()),
                draw.excluded(), draw.overCap(), seed, size, buffer);
    }

    private static SamplingProposal find(Inspection inspection, String proposalId) {
        UUID id;
        try {
            id = UUID.fromString(proposalId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No sampling proposal '" + proposalId + "'");
        }
        SamplingProposal proposal = SamplingProposal.findById(id);
        if (proposal == null || !proposal.inspectionId.equals(inspection.id)) {
            throw ProblemException.notFound("No sampling proposal '" + proposalId + "'");
        }
        return proposal;
    }

    private SamplingRules rules(Inspection inspection) {
        var sampling = access.framework(inspection).sampling();
        if (sampling == null || sampling.isNull()) {
            throw new ProblemException(422, "No sampling rules", "Framework '" + inspection.frameworkId
                    + "' has no sampling section, so the system cannot draw its sample", null);
        }
        SamplingRules.Parsed parsed = SamplingRules.parse(sampling);
        if (parsed.rules() == null) {
            throw new IllegalStateException("framework " + inspection.frameworkId + " was registered with bad sampling rules");
        }
        return parsed.rules();
    }

    /** @param at where a field of this case is, for naming it in a problem */
    private static LongListCase check(LongListItem item, java.util.function.BiFunction<String, String, FieldError> at,
            ValidationErrors problems) {
        if (item.caseRef() == null || !CaseRules.CASE_REF.matcher(item.caseRef()).matches()) {
            problems.add(at.apply("caseRef", "is required: 2-32 capital letters, digits or hyphens, with a digit"));
        }
        text(problems, at, "officer", item.officer(), true);
        text(problems, at, "unit", item.unit(), true);
        for (String[] field : new String[][] {{"gender", item.gender()}, {"cohort", item.cohort()},
                {"roshLevel", item.roshLevel()}, {"exclude", item.exclude()}, {"sentenceType", item.sentenceType()},
                {"ethnicity", item.ethnicity()}}) {
            text(problems, at, field[0], field[1], false);
        }
        LocalDate start = null;
        if (item.startDate() != null) {
            try {
                start = LocalDate.parse(item.startDate());
            } catch (DateTimeParseException e) {
                problems.add(at.apply("startDate", "must be an ISO date, e.g. 2022-01-24"));
            }
        }
        Map<String, String> attributes = new HashMap<>();
        put(attributes, "gender", item.gender());
        put(attributes, "cohort", item.cohort());
        put(attributes, "roshLevel", item.roshLevel());
        put(attributes, "sentenceType", item.sentenceType());
        put(attributes, "ethnicity", item.ethnicity());
        return new LongListCase(item.caseRef(), item.officer(), item.unit(), attributes, start,
                item.exclude() == null || item.exclude().isBlank() ? null : item.exclude().trim());
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }

    private static void text(ValidationErrors problems, java.util.function.BiFunction<String, String, FieldError> at,
            String field, String value, boolean required) {
        if (required && (value == null || value.isBlank())) {
            problems.add(at.apply(field, "is required"));
        } else if (value != null && value.length() > MAX_TEXT) {
            problems.add(at.apply(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String stored, TypeReference<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sampling proposal is unreadable", e);
        }
    }
}
