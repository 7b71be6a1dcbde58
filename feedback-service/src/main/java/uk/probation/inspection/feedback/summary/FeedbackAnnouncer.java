package uk.probation.inspection.feedback.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.probation.inspection.events.Topics;
import uk.probation.inspection.events.feedback.FeedbackSummarised;
import uk.probation.inspection.feedback.ingest.ResponseStore;
import uk.probation.inspection.feedback.ingest.StoredResponse;
import uk.probation.inspection.feedback.inspection.KnownInspection;
import uk.probation.inspection.feedback.publication.Publications;
import uk.probation.inspection.feedback.summary.ComplementarySuppression.Figure;
import uk.probation.inspection.feedback.template.QuestionType;
import uk.probation.inspection.feedback.template.SurveyTemplate;
import uk.probation.inspection.feedback.template.SurveyTemplates;
import uk.probation.inspection.platform.outbox.OutboxWriter;

/**
 * Announces the User Voice figures rating-service prints in the report (feedback.summarised on feedback-events), in
 * the caller's transaction under the inspection's lock: the team's live figures after each accepted file, and a
 * publication's figures as viewers get them (the same disclosure rule as GET /feedback) when it is frozen.
 */
@ApplicationScoped
public class FeedbackAnnouncer {

    @Inject
    SurveyTemplates templates;

    @Inject
    ResponseStore store;

    @Inject
    Publications publications;

    @Inject
    OutboxWriter outbox;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "pip.feedback.suppression-threshold", defaultValue = "5")
    int suppressionThreshold;

    @Transactional(Transactional.TxType.MANDATORY)
    public void live(String inspectionId, String templateId) {
        templates.find(templateId).ifPresent(template -> outbox.append(Topics.FEEDBACK_EVENTS, inspectionId,
                summarised(inspectionId, template, null, store.closedAnswers(inspectionId, templateId), false)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(KnownInspection inspection, int version) {
        List<?> ids = entityManager.createNativeQuery("""
                select distinct template_id from published_response where inspection_id = ?1 and version = ?2
                order by template_id""").setParameter(1, inspection.id()).setParameter(2, version).getResultList();
        int threshold = inspection.smallNumberThreshold() != null ? inspection.smallNumberThreshold() : suppressionThreshold;
        for (Object id : ids) {
            templates.find((String) id).ifPresent(template -> {
                List<StoredResponse> responses = publications.answers(inspection.id(), version, template.id());
                boolean everything = new DisclosureControl(template, threshold).forSummary(responses).everything();
                outbox.append(Topics.FEEDBACK_EVENTS, inspection.id(),
                        summarised(inspection.id(), template, version, responses, everything));
            });
        }
    }

    /** Question figures are never withheld in a summary unless everything is (too few respondents): see GET /feedback. */
    static FeedbackSummarised summarised(String inspectionId, SurveyTemplate template, Integer version,
            List<StoredResponse> responses, boolean everything) {
        Map<String, Figure> figures = new FeedbackSummariser(template).figures(responses);
        Map<String, Integer> channels = new LinkedHashMap<>();
        if (!everything) {
            responses.forEach(r -> channels.merge(r.channel(), 1, Integer::sum));
        }
        List<FeedbackSummarised.QuestionFigure> questions = new ArrayList<>();
        List<FeedbackSummarised.OptionFigure> options = new ArrayList<>();
        for (SurveyTemplate.Question q : template.questions()) {
            if (q.questionType() == QuestionType.YES_NO) {
                Figure f = figures.get(q.id());
                questions.add(new FeedbackSummarised.QuestionFigure(q.id(), q.text(), everything ? null : f.count(),
                        everything ? null : f.base(), q.reportPhrase()));
            } else if (q.questionType().hasOptions()) {
                for (String option : q.options()) {
                    Figure f = figures.get(FeedbackSummariser.optionKey(q, option));
                    options.add(new FeedbackSummarised.OptionFigure(q.id(), option, q.text() + " " + words(option),
                            everything ? null : f.count(), everything ? null : f.base(), q.optionPhrase(option)));
                }
            }
        }
        return new FeedbackSummarised(inspectionId, template.id(), version, everything ? 0 : responses.size(), channels,
                questions, options);
    }

    /** ACCESS_TO_SERVICES → "Access to services". */
    static String words(String option) {
        String w = option.replace('_', ' ').toLowerCase(Locale.ROOT);
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
