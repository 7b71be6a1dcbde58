package uk.probation.inspection.cases.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.probation.inspection.cases.events.CaseEvents;
import uk.probation.inspection.events.cases.CaseRegistered;
import uk.probation.inspection.cases.inspection.Inspection;
import uk.probation.inspection.cases.inspection.InspectionAccess;
import uk.probation.inspection.platform.problem.Problem.FieldError;
import uk.probation.inspection.platform.problem.ProblemException;
import uk.probation.inspection.platform.security.Caller;

/** Registers sampled cases: all of a request or none, one case.registered per case. */
@ApplicationScoped
public class CaseService {

    @Inject
    InspectionAccess access;

    @Inject
    CaseEvents events;

    @Inject
    Caller caller;

    @Transactional
    public List<SampledCase> register(String inspectionId, List<CaseInput> inputs) {
        Inspection inspection = access.lockForTeamWrite(inspectionId);
        Set<String> existing = new HashSet<>(SampledCase.getEntityManager()
                .createQuery("select c.caseRef from SampledCase c where c.inspectionId = ?1", String.class)
                .setParameter(1, inspection.id).getResultList());
        List<FieldError> problems = CaseRules.problems(inputs, existing, inspection.sampleFrom, inspection.sampleTo);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("No case was registered: " + problems.size() + " problem(s)", problems);
        }
        Instant now = Instant.now();
        List<SampledCase> cases = new java.util.ArrayList<>();
        for (CaseInput input : inputs) {
            SampledCase c = new SampledCase();
            c.id = UUID.randomUUID();
            c.inspectionId = inspection.id;
            c.caseRef = input.caseRef();
            c.cohort = input.cohort();
            c.sentenceType = input.sentenceType();
            c.youngAdult = Boolean.parseBoolean(input.youngAdult());
            c.gender = input.gender();
            c.ethnicity = input.ethnicity().trim();
            c.roshLevel = input.roshLevel();
            c.startDate = LocalDate.parse(input.startDate());
            c.registeredBy = caller.username();
            c.registeredAt = now;
            c.persist();
            cases.add(c);
            events.append(new CaseRegistered(inspection.id,
                    c.caseRef, c.cohort, c.sentenceType, c.youngAdult, c.gender, c.ethnicity, c.roshLevel,
                    c.startDate.toString()));
        }
        return cases;
    }

    public static SampledCase find(UUID inspectionId, String caseRef) {
        return SampledCase.<SampledCase>find("inspectionId = ?1 and caseRef = ?2", inspectionId, caseRef)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No case '" + caseRef + "' in this inspection"));
    }
}
