package app.rota.query.group;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupResponse;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.group.GroupSummary;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read model of one group. Changed only by the methods named after what happened to the group. */
@Entity
@Table(name = "group_view")
class GroupView {

    @Id
    private UUID id;
    private String name;
    private String timeZone;
    private boolean swapApprovalRequired;
    private boolean coverageApprovalRequired;
    private LocalTime dailyReminderTime;
    private int reminderLeadMinutes;
    private LocalTime quietHoursStart;
    private LocalTime quietHoursEnd;
    private int escalationTimeoutMinutes;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "group_view_holiday", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "holiday")
    @OrderBy
    private List<LocalDate> holidays = new ArrayList<>();
    private Instant createdAt;
    private long version;

    protected GroupView() {
    }

    static GroupView created(GroupId id, String name, String timeZone, GroupSettings settings, Instant at, long version) {
        GroupView view = new GroupView();
        view.id = id.value();
        view.name = name;
        view.timeZone = timeZone;
        view.createdAt = at;
        view.settingsChanged(settings, version);
        return view;
    }

    void settingsChanged(GroupSettings settings, long version) {
        swapApprovalRequired = settings.swapApprovalRequired();
        coverageApprovalRequired = settings.coverageApprovalRequired();
        dailyReminderTime = settings.dailyReminderTime();
        reminderLeadMinutes = settings.reminderLeadMinutes();
        quietHoursStart = settings.quietHoursStart();
        quietHoursEnd = settings.quietHoursEnd();
        escalationTimeoutMinutes = settings.escalationTimeoutMinutes();
        holidays.clear();
        holidays.addAll(settings.holidays());
        this.version = version;
    }

    GroupSummary toSummary() {
        return new GroupSummary(new GroupId(id), name, timeZone);
    }

    GroupResponse toResponse() {
        return new GroupResponse(new GroupId(id), name, timeZone,
                new GroupSettings(swapApprovalRequired, coverageApprovalRequired, dailyReminderTime,
                        reminderLeadMinutes, quietHoursStart, quietHoursEnd, escalationTimeoutMinutes, holidays),
                createdAt, version);
    }
}
