package dev.zerotorunning.wander.db;

import dev.zerotorunning.wander.core.Environment;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Environment.class)
public interface EnvironmentDao {

  @SqlQuery("SELECT id, name, description FROM environments ORDER BY id")
  List<Environment> listAll();

  @SqlQuery("SELECT id, name, description FROM environments WHERE name = :name")
  Optional<Environment> findByName(@Bind("name") String name);
}
