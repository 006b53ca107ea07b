package dev.zerotorunning.wander.db;

import dev.zerotorunning.wander.core.Service;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Service.class)
public interface ServiceDao {

  @SqlQuery("SELECT id, name, description, repository_url FROM services ORDER BY id")
  List<Service> listAll();

  @SqlQuery("SELECT id, name, description, repository_url FROM services WHERE name = :name")
  Optional<Service> findByName(@Bind("name") String name);
}
