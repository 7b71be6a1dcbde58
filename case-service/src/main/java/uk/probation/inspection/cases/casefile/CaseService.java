package uk.probation.inspection.cases.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;

import uk.probation.inspection.cases.events.CaseEvents;
import uk.probation.inspection.cases.framework.Framework.CaseAttribute;
import uk.probation.inspection.events.cases.CaseRegistered;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.platform.problem.ItemLimit;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.problem.ValidationErrors;
import uk.probation.inspection.platform.security.Caller;

/** Registers sampled cases: all of a request or none, one case.registered per case. */
@ApplicationScoped
public class CaseService {

    /** The most cases one request may register: an inspection samples tens of cases. */
    public static final int MAX_CASES_PER_REQUEST = 1_000;

    @Inject
    InspectionAccess access;

    @Inject
    CaseEvents events;

    @Inject
    Caller caller;

    /**
     * Registers the cases {@code sent}, read one at a time as they are checked: checking stops at the
     * {@link ValidationErrors#MAX_LISTED}th problem (422) or at the case after {@link #MAX_CASES_PER_REQUEST} (413),
     * so a large bad upload never becomes a large list.
     */
    @Transactional
    public List<SampledCase> register(String inspectionId, Iterator<CaseInput> sent) {
        return register(inspectionId, attributes -> sent);
    }

    /**
     * As {@link #register(String, Iterator)}, the cases read with the inspection's declared case attributes (their
     * JSON names and CSV columns).
     */
    @Transactional
    public List<SampledCase> register(String inspectionId,
            java.util.function.Function<List<CaseAttribute>, Iterator<CaseInput>> reader) {
        Inspection inspection = access.lockForTeamWrite(inspectionId);
        List<CaseAttribute> attributes = access.framework(inspection).attributes();
        Iterator<CaseInput> sent = reader.apply(attributes);
        Set<String> existing = new HashSet<>(SampledCase.getEntityManager()
                .createQuery("select c.caseRef from SampledCase c where c.inspectionId = ?1", String.class)
                .setParameter(1, inspection.id).getResultList());
        CaseRules.Check rules = new CaseRules.Check(attributes, existing, inspection.sampleFrom, inspection.sampleTo);
        ValidationErrors problems = new ValidationErrors();
        List<CaseInput> inputs = problems.checkEach(ItemLimit.of(sent, MAX_CASES_PER_REQUEST, "cases"),
                (c, errors) -> {
                    rules.check(c, errors::add);
                    return c;
                });
        if (inputs.isEmpty() && problems.isEmpty()) {
            problems.add(CaseRules.noCases());
        }
        if (!problems.isEmpty()) {
            throw problems.invalid("No case was registered");
        }
        Instant now = Instant.now();
        List<SampledCase> cases = new java.util.ArrayList<>();
        for (CaseInput input : inputs) {
            SampledCase c = new SampledCase();
            c.id = UUID.randomUUID();
            c.inspectionId = inspection.id;
            c.caseRef = input.caseRef();
            Map<String, Object> values = CaseRules.typedValues(input, attributes);
            c.attributes = CaseValues.write(values);
            // The probation columns, filled when the framework declares attributes of these names.
            c.cohort = text(values, "cohort");
            c.sentenceType = text(values, "sentenceType");
            c.youngAdult = values.get("youngAdult") instanceof Boolean b ? b : null;
            c.gender = text(values, "gender");
            c.ethnicity = text(values, "ethnicity");
            c.roshLevel = text(values, "roshLevel");
            c.startDate = values.get("startDate") instanceof String d ? LocalDate.parse(d) : null;
            c.registeredBy = caller.username();
            c.registeredAt = now;
            c.persist();
            cases.add(c);
            events.append(new CaseRegistered(inspection.id, c.caseRef, c.cohort, c.sentenceType, c.youngAdult,
                    c.gender, c.ethnicity, c.roshLevel, c.startDate == null ? null : c.startDate.toString(), values));
        }
        return cases;
    }

    private static String text(Map<String, Object> values, String id) {
        return values.get(id) instanceof String s ? s : null;
    }

    public static SampledCase find(UUID inspectionId, String caseRef) {
        return SampledCase.<SampledCase>find("inspectionId = ?1 and caseRef = ?2", inspectionId, caseRef)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No case '" + caseRef + "' in this inspection"));
    }
}
