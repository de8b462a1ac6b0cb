export interface Config {
  /** Scaffolder actions of the Microservices plugin. */
  microservicesScaffolder?: {
    /** `publish:local-folder`: where services are published, one folder each. */
    localPublish?: {
      /**
       * The folder (absolute, or relative to the backend's working directory) that
       * `publish:local-folder` writes `<name>/` into. Without it the action is not available.
       * Pair it with a catalog location of type `file` on `<directory>/*\/catalog-info.yaml`
       * so that the catalog reads what is published.
       */
      directory: string;
    };
  };
}
