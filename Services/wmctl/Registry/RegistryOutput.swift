import WindMakerMessages

/// Prints one result as a table, or as JSON with `--json`.
enum RegistryOutput {
    static func provider(_ provider: RegistryV1.Provider, connection: ConnectionOptions, idempotencyKey: String? = nil)
    {
        if connection.json {
            JSONOutput.print(["provider": RegistryJSON.provider(provider)], idempotencyKey: idempotencyKey)
        } else {
            print(RegistryTables.provider(provider))
        }
    }

    static func binding(_ binding: RegistryV1.Binding, connection: ConnectionOptions, idempotencyKey: String? = nil) {
        if connection.json {
            JSONOutput.print(["binding": RegistryJSON.binding(binding)], idempotencyKey: idempotencyKey)
        } else {
            print(RegistryTables.bindings([binding]))
        }
    }
}
