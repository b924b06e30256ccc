package app.rota.notifier.inbound;

import app.rota.kernel.common.ActorMetadata;
import app.rota.kernel.common.Roles;
import app.rota.kernel.coverage.ClaimCoverageCommand;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.error.RotaError;
import app.rota.kernel.member.OptInToSmsCommand;
import app.rota.kernel.member.OptOutOfSmsCommand;
import app.rota.kernel.notification.NotificationPurpose;
import app.rota.kernel.swap.AcceptSwapCommand;
import app.rota.kernel.swap.DeclineSwapCommand;
import app.rota.kernel.swap.SwapId;
import app.rota.notifier.directory.NotifierDirectory;
import app.rota.notifier.directory.NotifierDirectory.MemberInfo;
import app.rota.notifier.outbox.NewMessage;
import app.rota.notifier.outbox.NewMessage.OfferKind;
import app.rota.notifier.outbox.Outbox;
import app.rota.notifier.outbox.Outbox.Offer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Acts on an SMS reply (API.md, "Notifications (SMS)") and words the answer. Actions go through the same
 * commands as the web, with the member as actor and source {@code SMS}, so the same rules refuse the same
 * things. The answer is recorded in the log as a {@code REPLY} keyed by Twilio's MessageSid: a webhook Twilio
 * repeats gets the same answer and acts only once.
 */
@Component
class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> OPT_IN = Set.of("START", "UNSTOP");
    static final Set<String> HELP = Set.of("HELP", "INFO");
    static final Set<String> ACCEPT = Set.of("ACCEPT", "YES", "Y");
    static final Set<String> DECLINE = Set.of("DECLINE", "NO", "N");

    static final String UNKNOWN_NUMBER = "Rota: this number is not set up to reply to Rota.";
    static final String HELP_TEXT = "Rota on-call SMS. Reply YES <code> to accept a swap or take an open shift, "
            + "NO <code> to decline a swap, STOP to stop SMS, START to get them again.";

    private final NotifierDirectory directory;
    private final Outbox outbox;
    private final CommandGateway commands;
    private final Clock clock;

    Replies(NotifierDirectory directory, Outbox outbox, CommandGateway commands, Clock clock) {
        this.directory = directory;
        this.outbox = outbox;
        this.commands = commands;
        this.clock = clock;
    }

    /** What came of a reply: the answer to send back, and a bounded label for metrics. */
    record Answer(String text, String result) {
    }

    Answer answer(String from, String body, String messageSid) {
        List<MemberInfo> members = from == null ? List.of() : directory.membersWithPhone(from);
        if (members.isEmpty()) {
            return new Answer(UNKNOWN_NUMBER, "unknown_number");
        }
        MemberInfo first = members.get(0);
        String cause = "reply:" + (messageSid == null || messageSid.isBlank() ? from + ":" + clock.millis() : messageSid);
        Optional<String> earlier = outbox.bodyOf(cause, first.memberId(), NotificationPurpose.REPLY);
        if (earlier.isPresent()) {
            return new Answer(earlier.get(), "repeated");
        }
        Answer answer = act(from, members, body);
        outbox.addAnswered(new NewMessage(cause, first.memberId(), NotificationPurpose.REPLY, first.groupId(), from,
                answer.text(), true, null, null, null, clock.instant(), clock.instant(), null, null));
        return answer;
    }

    private Answer act(String from, List<MemberInfo> members, String body) {
        String[] words = (body == null ? "" : body.trim().toUpperCase(Locale.ROOT)).split("\\s+");
        String keyword = words[0];
        String code = words.length > 1 ? words[1] : null;
        boolean optedOut = members.stream().allMatch(MemberInfo::optedOut);
        if (OPT_OUT.contains(keyword)) {
            members.stream().filter(m -> !m.optedOut()).forEach(m -> send(m, new OptOutOfSmsCommand(m.memberId(), m.groupId(), keyword)));
            return new Answer("Rota: you will get no more SMS from Rota. Reply START to get them again.", "opted_out");
        }
        if (OPT_IN.contains(keyword) || optedOut && "YES".equals(keyword)) {
            members.stream().filter(MemberInfo::optedOut).forEach(m -> send(m, new OptInToSmsCommand(m.memberId(), m.groupId(), keyword)));
            return new Answer("Rota: you will get SMS from Rota again. Reply STOP to stop them.", "opted_in");
        }
        if (HELP.contains(keyword)) {
            return new Answer("Rota: " + HELP_TEXT.substring("Rota ".length()), "help");
        }
        boolean accept = ACCEPT.contains(keyword);
        if (!accept && !DECLINE.contains(keyword)) {
            return new Answer("Rota: sorry, that reply was not understood. " + HELP_TEXT.substring(HELP_TEXT.indexOf("Reply")), "not_understood");
        }
        Optional<Offer> offer;
        if (code != null) {
            offer = outbox.openOffer(from, code);
            if (offer.isEmpty()) {
                return new Answer("Rota: no open offer has the code " + code + " (it may have been taken, cancelled or expired).", "unknown_code");
            }
        } else {
            List<Offer> open = outbox.openOffers(from);
            if (open.isEmpty()) {
                return new Answer("Rota: you have no open offer to answer.", "no_offer");
            }
            if (open.size() > 1) {
                return new Answer("Rota: you have " + open.size() + " open offers; reply with the code, e.g. " + keyword + " "
                        + open.get(0).code() + ".", "code_needed");
            }
            offer = Optional.of(open.get(0));
        }
        return accept ? accept(offer.get()) : decline(offer.get());
    }

    private Answer accept(Offer offer) {
        MemberInfo member = directory.member(offer.memberId()).orElseThrow();
        if (offer.kind() == OfferKind.SWAP) {
            return attempt(member, new AcceptSwapCommand(new SwapId(offer.ref()), offer.groupId(), null),
                    "Rota: done, you accepted the swap (code " + offer.code() + ").", "accepted");
        }
        return attempt(member, new ClaimCoverageCommand(new CoverageRequestId(offer.ref()), offer.groupId(), null),
                "Rota: done, you claimed the shift (code " + offer.code() + ").", "claimed");
    }

    private Answer decline(Offer offer) {
        MemberInfo member = directory.member(offer.memberId()).orElseThrow();
        if (offer.kind() == OfferKind.SWAP) {
            return attempt(member, new DeclineSwapCommand(new SwapId(offer.ref()), offer.groupId(), null),
                    "Rota: you declined the swap (code " + offer.code() + ").", "declined");
        }
        outbox.closeOffer(offer.messageId());
        return new Answer("Rota: OK, you did not take that shift (code " + offer.code() + ").", "declined");
    }

    private Answer attempt(MemberInfo member, Object command, String done, String result) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor(member)));
            return new Answer(done, result);
        } catch (CommandExecutionException e) {
            Optional<RotaError> refusal = e.getDetails().filter(RotaError.class::isInstance).map(RotaError.class::cast);
            if (refusal.isPresent()) {
                return new Answer("Rota: not done: " + refusal.get().detail(), "refused");
            }
            log.error("An SMS reply's command failed", e);
            return new Answer("Rota: that could not be done right now; please try again later or use the web app.", "error");
        } catch (RuntimeException e) {
            log.error("An SMS reply's command failed", e);
            return new Answer("Rota: that could not be done right now; please try again later or use the web app.", "error");
        }
    }

    private void send(MemberInfo member, Object command) {
        attempt(member, command, "", "");
    }

    /** The member, acting through SMS, in their role in the group. */
    static Map<String, Object> actor(MemberInfo member) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(ActorMetadata.ACTOR_ACCOUNT_ID, "sms:" + member.memberId());
        metaData.put(ActorMetadata.ACTOR_NAME, member.name());
        metaData.put(ActorMetadata.ACTOR_ROLE, switch (member.role()) {
            case ADMIN -> Roles.GROUP_ADMIN;
            case AUDITOR -> Roles.GROUP_AUDITOR;
            default -> Roles.GROUP_MEMBER;
        });
        metaData.put(ActorMetadata.ACTOR_SOURCE, ActorMetadata.Source.SMS.name());
        metaData.put(ActorMetadata.ACTOR_MEMBER_ID, member.memberId().toString());
        metaData.put(ActorMetadata.ACTOR_GROUP_ID, member.groupId().toString());
        return metaData;
    }
}
