package app.rota.ops.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface AccountRepository extends JpaRepository<Account, UUID> {

    @Query("select a from Account a where lower(a.username) = lower(?1) or lower(a.email) = lower(?1)")
    Optional<Account> findByLogin(String usernameOrEmail);

    boolean existsBySuperAdminTrue();

    Optional<Account> findByMemberId(UUID memberId);

    List<Account> findByGroupIdAndMemberIdIsNotNull(UUID groupId);

    @Query("select count(a) > 0 from Account a where lower(a.username) = lower(?1) or lower(a.email) = lower(?1)")
    boolean loginTaken(String username);
}
