package app.rota.kernel.directory;

import java.util.List;

public record MembersResponse(List<DirectoryMember> members) {
}
