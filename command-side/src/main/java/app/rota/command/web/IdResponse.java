package app.rota.command.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What creating anything answers, beside a {@code Location} header. */
public record IdResponse(String id) {

    /** {@code 201 Created} with the new resource's {@code Location} (the request's URL plus its id). */
    public static ResponseEntity<IdResponse> created(Object id) {
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(new IdResponse(id.toString()));
    }
}
