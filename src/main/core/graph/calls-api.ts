/**
 * The Graph calls API as this app uses it: accept, reject, terminate and connect a call, ask a
 * customer's permission to call, and report a finished call's quality. Every method throws
 * GraphError; none retries on its own (accept is not safe to repeat blindly).
 */
import type { AcceptResult } from '../../../shared/api'
import {
  AcceptResponse,
  CallPermissions,
  ConnectResponse,
  SendMessageResponse,
  SuccessResponse
} from '../../../shared/graph'
import { sdpText } from '../../../shared/webhook'
import { refused } from './errors'
import { MaybeSuccess } from './schemas'
import type { GraphTransport } from './transport'

export interface ConnectResult extends AcceptResult {
  callId: string
}

/**
 * Per-call quality report for `POST /{page-id}/call_metrics`, in the shape of Meta's Metrics page
 * (its field list and its example disagree on units: `_ms` in the list, `_sec` in the example, so
 * `audioStats` is passed through as given; see docs/messenger-calling.md section 8).
 */
export interface CallMetricsReport {
  /** e.g. `Hangup_Call` (Meta's example; the enum's other values are not listed). */
  endCallReason: string
  endCallSubreason?: string | undefined
  /** Unix seconds. */
  callEndedTime: number
  /** Unix seconds. */
  firstAudioPacketReceivedTime?: number | undefined
  /** e.g. jitter_sec, packets_lost, packets_received, round_trip_time_sec, concealed_samples. */
  audioStats: Record<string, number | string>
}

export class GraphCallsApi {
  constructor(private readonly http: GraphTransport) {}

  /** Answers a ringing call with our SDP offer; returns Meta's answer and its renegotiation offer. */
  async acceptCall(callId: string, offerSdp: string): Promise<AcceptResult> {
    const auth = this.http.auth('page')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'calls'],
      body: {
        platform: 'messenger',
        call_id: callId,
        action: 'accept',
        session: { sdp_type: 'offer', sdp: offerSdp }
      },
      schema: AcceptResponse,
      context: 'call'
    })
    if (!res.success) throw refused('acceptCall', auth.id)
    return {
      answer: sdpText(res.session.sdp_response),
      renegotiation:
        res.session.sdp_renegotiation === undefined
          ? undefined
          : sdpText(res.session.sdp_renegotiation)
    }
  }

  /** Declines a call that still rings. */
  rejectCall(callId: string): Promise<void> {
    return this.callAction(callId, 'reject')
  }

  /** Ends an accepted call. */
  terminateCall(callId: string): Promise<void> {
    return this.callAction(callId, 'terminate')
  }

  private async callAction(callId: string, action: 'reject' | 'terminate'): Promise<void> {
    const auth = this.http.auth('page')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'calls'],
      body: { call_id: callId, action },
      schema: SuccessResponse,
      context: 'call'
    })
    if (!res.success) throw refused(action === 'reject' ? 'declineCall' : 'endCall', auth.id)
  }

  /** Business-initiated call to a PSID that has granted call permission. */
  async connectCall(psid: string, offerSdp: string): Promise<ConnectResult> {
    const auth = this.http.auth('page')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'calls'],
      body: {
        platform: 'messenger',
        to: psid,
        action: 'connect',
        session: { sdp_type: 'offer', sdp: offerSdp }
      },
      schema: ConnectResponse,
      context: 'call'
    })
    if (res.success === false) throw refused('startCall', auth.id)
    return {
      callId: res.id,
      answer: sdpText(res.session.sdp_response),
      renegotiation:
        res.session.sdp_renegotiation === undefined
          ? undefined
          : sdpText(res.session.sdp_renegotiation)
    }
  }

  async getCallPermissions(psid: string): Promise<CallPermissions> {
    const auth = this.http.auth('page')
    return this.http.send({
      auth,
      method: 'GET',
      path: [auth.id, 'messenger_call_permissions'],
      query: { psid },
      schema: CallPermissions,
      context: 'setup'
    })
  }

  /** Sends the `calling_optin` template; the reply arrives later as a call_permission_reply webhook. */
  async sendCallPermissionRequest(psid: string): Promise<SendMessageResponse> {
    const auth = this.http.auth('page')
    return this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'messages'],
      body: {
        recipient: { id: psid },
        message: { attachment: { type: 'template', payload: { template_type: 'calling_optin' } } }
      },
      schema: SendMessageResponse,
      context: 'setup'
    })
  }

  /** Quality report for a finished call (Meta accepts it within 24 h of the call). */
  async sendCallMetrics(callId: string, report: CallMetricsReport): Promise<void> {
    const auth = this.http.auth('page')
    const res = await this.http.send({
      auth,
      method: 'POST',
      path: [auth.id, 'call_metrics'],
      body: {
        platform: 'messenger',
        call_id: callId,
        end_call_reason: report.endCallReason,
        end_call_subreason: report.endCallSubreason,
        call_ended_time: report.callEndedTime,
        first_audio_packet_received_time: report.firstAudioPacketReceivedTime,
        audio_stats: report.audioStats
      },
      schema: MaybeSuccess,
      context: 'setup'
    })
    if (res.success === false) throw refused('storeMetrics', auth.id)
  }
}
