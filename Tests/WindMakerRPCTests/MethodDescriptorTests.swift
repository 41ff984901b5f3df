import Testing
import WindMakerRPC

@Suite struct MethodDescriptorTests {
    @Test func fullNameIsServiceSlashMethod() {
        let descriptor = MethodDescriptor(service: "windmaker.health.v1.Health", method: "Check", kind: .unary)
        #expect(descriptor.fullName == "windmaker.health.v1.Health/Check")
        #expect(descriptor.description == "windmaker.health.v1.Health/Check")
    }

    @Test func descriptorsDifferingOnlyInKindAreNotEqual() {
        let unary = MethodDescriptor(service: "s", method: "m", kind: .unary)
        let streaming = MethodDescriptor(service: "s", method: "m", kind: .serverStreaming)
        #expect(unary != streaming)
    }
}
