package app.rota.query.replay;

import app.rota.query.support.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchingJdbcTemplateTest {

    private final DataSource database = ProjectionDatabase.fresh();

    @Test
    void heldBackUpdatesTakeEffectInTheOrderTheyWereMadeAcrossStatementsAndBeforeAnyRead() {
        JdbcTemplate plain = new JdbcTemplate(database);
        plain.execute("create table t (k int primary key, v text not null)");
        BatchingJdbcTemplate batching = new BatchingJdbcTemplate(database);

        batching.update("insert into t (k, v) values (?, ?)", 1, "a");
        batching.update("insert into t (k, v) values (?, ?)", 2, "b");
        assertThat(plain.queryForObject("select count(*) from t", Long.class)).as("held back while the statement repeats").isZero();
        batching.update("update t set v = v || ? where k = ?", "-changed", 1);
        assertThat(plain.queryForObject("select count(*) from t", Long.class)).as("sent when another statement comes").isEqualTo(2);
        batching.update("insert into t (k, v) values (?, ?) on conflict (k) do update set v = excluded.v", 1, "c");
        String read = batching.queryForObject("select string_agg(k || '=' || v, ',' order by k) from t", String.class);
        batching.update("delete from t where k = ?", 2);
        batching.flush();

        assertThat(read).isEqualTo("1=c,2=b");
        assertThat(plain.queryForList("select k || '=' || v from t order by k", String.class)).containsExactly("1=c");
    }

    @Test
    void aBatchOfRowsIsHeldBackAfterTheUpdatesMadeBeforeItSoAForeignKeyFindsItsParent() {
        JdbcTemplate plain = new JdbcTemplate(database);
        plain.execute("create table parent (k int primary key)");
        plain.execute("create table child (k int references parent (k), n int, primary key (k, n))");
        BatchingJdbcTemplate batching = new BatchingJdbcTemplate(database);

        batching.update("insert into parent (k) values (?)", 1);
        int[] counts = batching.batchUpdate("insert into child (k, n) values (?, ?)", List.of(new Object[] {1, 1}, new Object[] {1, 2}));
        batching.update("insert into parent (k) values (?)", 2);
        batching.batchUpdate("insert into child (k, n) values (?, ?)", List.<Object[]>of(new Object[] {2, 1}));
        batching.flush();

        assertThat(counts).containsExactly(1, 1);
        assertThat(plain.queryForList("select k || '.' || n from child order by k, n", String.class)).containsExactly("1.1", "1.2", "2.1");
    }
}
