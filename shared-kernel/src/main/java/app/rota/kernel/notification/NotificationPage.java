package app.rota.kernel.notification;

import java.util.List;

/** A page of the notification log, newest first. */
public record NotificationPage(List<Notification> items, int page, int size, long total) {
}
