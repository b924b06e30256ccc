package app.rota.query.group;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface GroupViewRepository extends JpaRepository<GroupView, UUID> {
}
