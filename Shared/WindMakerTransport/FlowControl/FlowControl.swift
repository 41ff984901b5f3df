/// Per-call flow control (docs/PROTOCOL.md §12.4): on a call whose client opted in (`RequestHeaders.receive_window`
/// above 0), each receiver grants its peer bytes of MESSAGE frames with `windowUpdate` frames, and a sender waits
/// while it has none left, so a reader that stops reading holds both peers' memory for that call to a bound.
///
/// A MESSAGE costs its whole frame (the 10-byte header and the payload), and at least 64 bytes: what a receiver
/// charges a buffered message against its memory bound, so that a window's worth of tiny messages (16,384 in 1 MiB)
/// is as much as a receiver ever holds or works through for one call. A sender may send while its window is above
/// 0; the window may then go below 0 by one message, so a message larger than the window still goes out, alone.
public enum FlowControl {
    /// A client's send window on an opted-in call until the server grants more: 64 KiB.
    public static let initialClientSendWindow = 64 * 1024
    /// The largest window, and the largest increment one `windowUpdate` may carry: 2^31 − 1 bytes.
    public static let maximumWindow = Int(Int32.max)
    /// The increments a `windowUpdate` may carry; anything else is a protocol violation.
    public static let validIncrements: ClosedRange<UInt32> = 1 ... UInt32(Int32.max)
    /// What each side grants per call unless configured otherwise: 1 MiB.
    public static let defaultCallReceiveWindow = 1024 * 1024
    /// The windows a server may grant per call (`ServerConfiguration.callReceiveWindow`): never less than a client
    /// starts with, since a grant can only add.
    public static let serverCallWindows = Self.initialClientSendWindow ... Self.maximumWindow
    /// The windows a client may grant per call (`ClientConfiguration.callReceiveWindow`); 0 turns flow control off.
    public static let clientCallWindows = 0 ... Self.maximumWindow

    /// The least a MESSAGE takes from its call's window, however small.
    public static let minimumMessageCost = 64

    /// What a MESSAGE frame with a payload of `payloadBytes` takes from its call's window.
    public static func cost(ofPayload payloadBytes: Int) -> Int {
        max(Frame.headerSize + payloadBytes, Self.minimumMessageCost)
    }
}
