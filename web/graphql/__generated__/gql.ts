/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ExpertPage($id: ID!, $shown: Int) {\n    expert(id: $id) {\n      id\n      name\n      avatar\n      ratingCount\n      averageRating\n    }\n    live: sessions(expertId: $id, status: LIVE, limit: $shown) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    upcoming: sessions(expertId: $id, status: SCHEDULED, limit: $shown) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    past: sessions(expertId: $id, status: ENDED, limit: 1) {\n      total\n    }\n  }\n": typeof types.ExpertPageDocument,
    "\n  query SessionCalendar($id: ID!) {\n    session(id: $id) {\n      id\n      viewerCalendar {\n        ics\n      }\n    }\n  }\n": typeof types.SessionCalendarDocument,
    "\n  mutation RoomJoinToken($sessionId: ID!) {\n    joinToken(sessionId: $sessionId) {\n      token\n      role\n      userName\n    }\n  }\n": typeof types.RoomJoinTokenDocument,
    "\n  query SessionPage($id: ID!) {\n    me {\n      id\n    }\n    session(id: $id) {\n      ...SessionCard\n      checkoutGateway\n      description\n      maxParticipants\n      enrolledCount\n      attendedCount\n      viewerCan {\n        enroll {\n          allowed\n          reason\n          code\n        }\n        start {\n          allowed\n          reason\n          caution\n        }\n        end {\n          allowed\n        }\n        cancel {\n          allowed\n        }\n        edit {\n          allowed\n        }\n        join {\n          allowed\n          reason\n        }\n        waitForStart {\n          allowed\n        }\n        watchRecording {\n          allowed\n        }\n        rate {\n          allowed\n        }\n        cancelEnrollment {\n          allowed\n          reason\n        }\n        joinWaitlist {\n          allowed\n        }\n        leaveWaitlist {\n          allowed\n        }\n      }\n      cancellationReason\n      cancellationDeadline\n      cancellationPolicy\n      viewerRefund {\n        id\n        status\n        amount\n        currency\n        refundedAt\n      }\n      viewerWaitlist {\n        position\n        offered\n        offeredUntil\n      }\n      viewerCalendar {\n        googleCalendarUrl\n      }\n      participants {\n        id\n        userName\n        refund {\n          status\n          amount\n          currency\n        }\n      }\n      viewerEnrollment {\n        id\n        paid\n        attended\n        feedbackRating\n        feedbackComment\n      }\n      feedback {\n        count\n        averageRating\n        comments {\n          participantId\n          userName\n          rating\n          comment\n        }\n      }\n      metadata {\n        category\n        difficulty\n        equipment\n        tags\n      }\n    }\n  }\n": typeof types.SessionPageDocument,
    "\n  query RecordingLink($sessionId: ID!) {\n    recordingUrl(sessionId: $sessionId) {\n      url\n    }\n  }\n": typeof types.RecordingLinkDocument,
    "\n  mutation FeedbackFromPage($sessionId: ID!, $input: FeedbackInput!) {\n    submitFeedback(sessionId: $sessionId, input: $input) {\n      id\n    }\n  }\n": typeof types.FeedbackFromPageDocument,
    "\n  mutation EnrollFromPage($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) {\n      id\n    }\n  }\n": typeof types.EnrollFromPageDocument,
    "\n  mutation StartCheckoutFromPage($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) {\n      gateway\n      reference\n      clientSecret\n      publicKey\n      amountInMinorUnits\n      currency\n    }\n  }\n": typeof types.StartCheckoutFromPageDocument,
    "\n  mutation StartFromPage($id: ID!) {\n    startSession(sessionId: $id) {\n      sessionUrl\n    }\n  }\n": typeof types.StartFromPageDocument,
    "\n  mutation EndFromPage($id: ID!) {\n    endSession(sessionId: $id) {\n      duration\n    }\n  }\n": typeof types.EndFromPageDocument,
    "\n  mutation CancelFromPage($id: ID!) {\n    cancelSession(sessionId: $id) {\n      id\n    }\n  }\n": typeof types.CancelFromPageDocument,
    "\n  mutation CancelBookingFromPage($sessionId: ID!) {\n    cancelEnrollment(sessionId: $sessionId) {\n      refund {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.CancelBookingFromPageDocument,
    "\n  mutation JoinWaitlistFromPage($sessionId: ID!) {\n    joinWaitlist(sessionId: $sessionId) {\n      position\n      offered\n    }\n  }\n": typeof types.JoinWaitlistFromPageDocument,
    "\n  mutation LeaveWaitlistFromPage($sessionId: ID!) {\n    leaveWaitlist(sessionId: $sessionId)\n  }\n": typeof types.LeaveWaitlistFromPageDocument,
    "\n  query EditSessionPage($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      description\n      sessionType\n      scheduledStartTime\n      scheduledEndTime\n      maxParticipants\n      price\n      currency\n      thumbnail\n      enrolledCount\n      metadata {\n        category\n        difficulty\n        equipment\n        tags\n      }\n      viewerCan {\n        edit {\n          allowed\n          code\n          reason\n        }\n      }\n    }\n  }\n": typeof types.EditSessionPageDocument,
    "\n  mutation UpdateFromPage($id: ID!, $input: UpdateSessionInput!) {\n    updateSession(sessionId: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateFromPageDocument,
    "\n  query Browse($status: SessionStatus, $search: String, $category: String, $difficulty: String, $limit: Int, $skip: Int) {\n    sessions(status: $status, search: $search, category: $category, difficulty: $difficulty, limit: $limit, skip: $skip) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    live: sessions(status: LIVE, search: $search, category: $category, difficulty: $difficulty, limit: 1) {\n      total\n    }\n  }\n": typeof types.BrowseDocument,
    "\n  fragment SessionCard on LiveSession {\n    id\n    title\n    thumbnail\n    expertId\n    expertName\n    expertAvatar\n    sessionType\n    status\n    scheduledStartTime\n    scheduledEndTime\n    price\n    currency\n    isFree\n    seatsLeft\n    recordingAvailable\n    metadata {\n      category\n      difficulty\n    }\n    viewerEnrollment {\n      id\n    }\n    viewerIsHost\n    viewerCan {\n      enroll {\n        allowed\n        code\n      }\n      start {\n        allowed\n        code\n        caution\n      }\n      join {\n        allowed\n        code\n      }\n      watchRecording {\n        allowed\n        code\n      }\n      waitForStart {\n        allowed\n      }\n    }\n  }\n": typeof types.SessionCardFragmentDoc,
    "\n  query Dashboard($expertId: ID!) {\n    sessions(expertId: $expertId, limit: 100) {\n      total\n      items {\n        ...DashboardRow\n      }\n    }\n    cancelled: sessions(expertId: $expertId, status: CANCELLED, limit: 100) {\n      total\n      items {\n        ...DashboardRow\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment DashboardRow on LiveSession {\n    id\n    title\n    status\n    scheduledStartTime\n    enrolledCount\n    maxParticipants\n    currentViewers\n    attendedCount\n    feedback {\n      count\n      averageRating\n    }\n    viewerCan {\n      start {\n        allowed\n        caution\n      }\n      join {\n        allowed\n      }\n      end {\n        allowed\n      }\n      cancel {\n        allowed\n      }\n    }\n  }\n": typeof types.DashboardRowFragmentDoc,
    "\n  query MyEnrollments {\n    myEnrollments {\n      id\n      refund {\n        status\n        amount\n        currency\n        refundedAt\n      }\n      session {\n        ...SessionCard\n        cancellationReason\n        viewerCan {\n          cancelEnrollment {\n            allowed\n          }\n        }\n      }\n    }\n    myRefunds {\n      id\n      participantId\n      sessionId\n      status\n      amount\n      currency\n      refundedAt\n      session {\n        title\n      }\n    }\n    myWaitlist {\n      sessionId\n      position\n      offered\n      offeredUntil\n      session {\n        title\n      }\n    }\n  }\n": typeof types.MyEnrollmentsDocument,
    "\n  query HostRoom($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      viewerIsHost\n      enrolledCount\n      currentViewers\n      attendedCount\n      hmsDetails {\n        roomId\n      }\n    }\n  }\n": typeof types.HostRoomDocument,
    "\n  query JoinRoom($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      expertName\n      scheduledStartTime\n      scheduledEndTime\n      viewerEnrollment {\n        id\n      }\n    }\n  }\n": typeof types.JoinRoomDocument,
    "\n  mutation CreateFromPage($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateFromPageDocument,
    "\n  query NotificationSettings {\n    notificationSettings {\n      timeZone\n      emailReminders\n      emailNotices\n    }\n  }\n": typeof types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      timeZone\n      emailReminders\n      emailNotices\n    }\n  }\n": typeof types.UpdateNotificationSettingsDocument,
    "\n  mutation NoteBrowserTimeZone($timeZone: String!) {\n    noteBrowserTimeZone(timeZone: $timeZone) {\n      timeZone\n    }\n  }\n": typeof types.NoteBrowserTimeZoneDocument,
    "\n  query WebhookEndpoint($id: ID!, $limit: Int) {\n    webhookEndpoints {\n      id\n      url\n      events\n      enabled\n      allSessions\n      failingSince\n      disabledAt\n      disabledReason\n      createdAt\n    }\n    webhookDeliveries(endpointId: $id, limit: $limit) {\n      id\n      eventType\n      status\n      attemptCount\n      lastError\n      attempts {\n        attemptedAt\n        statusCode\n        latencyMs\n        error\n      }\n    }\n  }\n": typeof types.WebhookEndpointDocument,
    "\n  query WebhookEndpointUrls {\n    webhookEndpoints {\n      id\n      url\n    }\n  }\n": typeof types.WebhookEndpointUrlsDocument,
    "\n  mutation UpdateWebhookEndpoint($endpointId: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(endpointId: $endpointId, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($endpointId: ID!) {\n    rotateWebhookSecret(endpointId: $endpointId) {\n      id\n      secret\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($endpointId: ID!) {\n    deleteWebhookEndpoint(endpointId: $endpointId)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation ResendWebhookDelivery($deliveryId: ID!) {\n    resendWebhookDelivery(deliveryId: $deliveryId) {\n      id\n    }\n  }\n": typeof types.ResendWebhookDeliveryDocument,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      events\n      enabled\n      failingSince\n      disabledAt\n      disabledReason\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      id\n      url\n      secret\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere {\n      endedSessions\n    }\n  }\n": typeof types.SignOutEverywhereDocument,
};
const documents: Documents = {
    "\n  query ExpertPage($id: ID!, $shown: Int) {\n    expert(id: $id) {\n      id\n      name\n      avatar\n      ratingCount\n      averageRating\n    }\n    live: sessions(expertId: $id, status: LIVE, limit: $shown) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    upcoming: sessions(expertId: $id, status: SCHEDULED, limit: $shown) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    past: sessions(expertId: $id, status: ENDED, limit: 1) {\n      total\n    }\n  }\n": types.ExpertPageDocument,
    "\n  query SessionCalendar($id: ID!) {\n    session(id: $id) {\n      id\n      viewerCalendar {\n        ics\n      }\n    }\n  }\n": types.SessionCalendarDocument,
    "\n  mutation RoomJoinToken($sessionId: ID!) {\n    joinToken(sessionId: $sessionId) {\n      token\n      role\n      userName\n    }\n  }\n": types.RoomJoinTokenDocument,
    "\n  query SessionPage($id: ID!) {\n    me {\n      id\n    }\n    session(id: $id) {\n      ...SessionCard\n      checkoutGateway\n      description\n      maxParticipants\n      enrolledCount\n      attendedCount\n      viewerCan {\n        enroll {\n          allowed\n          reason\n          code\n        }\n        start {\n          allowed\n          reason\n          caution\n        }\n        end {\n          allowed\n        }\n        cancel {\n          allowed\n        }\n        edit {\n          allowed\n        }\n        join {\n          allowed\n          reason\n        }\n        waitForStart {\n          allowed\n        }\n        watchRecording {\n          allowed\n        }\n        rate {\n          allowed\n        }\n        cancelEnrollment {\n          allowed\n          reason\n        }\n        joinWaitlist {\n          allowed\n        }\n        leaveWaitlist {\n          allowed\n        }\n      }\n      cancellationReason\n      cancellationDeadline\n      cancellationPolicy\n      viewerRefund {\n        id\n        status\n        amount\n        currency\n        refundedAt\n      }\n      viewerWaitlist {\n        position\n        offered\n        offeredUntil\n      }\n      viewerCalendar {\n        googleCalendarUrl\n      }\n      participants {\n        id\n        userName\n        refund {\n          status\n          amount\n          currency\n        }\n      }\n      viewerEnrollment {\n        id\n        paid\n        attended\n        feedbackRating\n        feedbackComment\n      }\n      feedback {\n        count\n        averageRating\n        comments {\n          participantId\n          userName\n          rating\n          comment\n        }\n      }\n      metadata {\n        category\n        difficulty\n        equipment\n        tags\n      }\n    }\n  }\n": types.SessionPageDocument,
    "\n  query RecordingLink($sessionId: ID!) {\n    recordingUrl(sessionId: $sessionId) {\n      url\n    }\n  }\n": types.RecordingLinkDocument,
    "\n  mutation FeedbackFromPage($sessionId: ID!, $input: FeedbackInput!) {\n    submitFeedback(sessionId: $sessionId, input: $input) {\n      id\n    }\n  }\n": types.FeedbackFromPageDocument,
    "\n  mutation EnrollFromPage($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) {\n      id\n    }\n  }\n": types.EnrollFromPageDocument,
    "\n  mutation StartCheckoutFromPage($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) {\n      gateway\n      reference\n      clientSecret\n      publicKey\n      amountInMinorUnits\n      currency\n    }\n  }\n": types.StartCheckoutFromPageDocument,
    "\n  mutation StartFromPage($id: ID!) {\n    startSession(sessionId: $id) {\n      sessionUrl\n    }\n  }\n": types.StartFromPageDocument,
    "\n  mutation EndFromPage($id: ID!) {\n    endSession(sessionId: $id) {\n      duration\n    }\n  }\n": types.EndFromPageDocument,
    "\n  mutation CancelFromPage($id: ID!) {\n    cancelSession(sessionId: $id) {\n      id\n    }\n  }\n": types.CancelFromPageDocument,
    "\n  mutation CancelBookingFromPage($sessionId: ID!) {\n    cancelEnrollment(sessionId: $sessionId) {\n      refund {\n        amount\n        currency\n      }\n    }\n  }\n": types.CancelBookingFromPageDocument,
    "\n  mutation JoinWaitlistFromPage($sessionId: ID!) {\n    joinWaitlist(sessionId: $sessionId) {\n      position\n      offered\n    }\n  }\n": types.JoinWaitlistFromPageDocument,
    "\n  mutation LeaveWaitlistFromPage($sessionId: ID!) {\n    leaveWaitlist(sessionId: $sessionId)\n  }\n": types.LeaveWaitlistFromPageDocument,
    "\n  query EditSessionPage($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      description\n      sessionType\n      scheduledStartTime\n      scheduledEndTime\n      maxParticipants\n      price\n      currency\n      thumbnail\n      enrolledCount\n      metadata {\n        category\n        difficulty\n        equipment\n        tags\n      }\n      viewerCan {\n        edit {\n          allowed\n          code\n          reason\n        }\n      }\n    }\n  }\n": types.EditSessionPageDocument,
    "\n  mutation UpdateFromPage($id: ID!, $input: UpdateSessionInput!) {\n    updateSession(sessionId: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateFromPageDocument,
    "\n  query Browse($status: SessionStatus, $search: String, $category: String, $difficulty: String, $limit: Int, $skip: Int) {\n    sessions(status: $status, search: $search, category: $category, difficulty: $difficulty, limit: $limit, skip: $skip) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    live: sessions(status: LIVE, search: $search, category: $category, difficulty: $difficulty, limit: 1) {\n      total\n    }\n  }\n": types.BrowseDocument,
    "\n  fragment SessionCard on LiveSession {\n    id\n    title\n    thumbnail\n    expertId\n    expertName\n    expertAvatar\n    sessionType\n    status\n    scheduledStartTime\n    scheduledEndTime\n    price\n    currency\n    isFree\n    seatsLeft\n    recordingAvailable\n    metadata {\n      category\n      difficulty\n    }\n    viewerEnrollment {\n      id\n    }\n    viewerIsHost\n    viewerCan {\n      enroll {\n        allowed\n        code\n      }\n      start {\n        allowed\n        code\n        caution\n      }\n      join {\n        allowed\n        code\n      }\n      watchRecording {\n        allowed\n        code\n      }\n      waitForStart {\n        allowed\n      }\n    }\n  }\n": types.SessionCardFragmentDoc,
    "\n  query Dashboard($expertId: ID!) {\n    sessions(expertId: $expertId, limit: 100) {\n      total\n      items {\n        ...DashboardRow\n      }\n    }\n    cancelled: sessions(expertId: $expertId, status: CANCELLED, limit: 100) {\n      total\n      items {\n        ...DashboardRow\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment DashboardRow on LiveSession {\n    id\n    title\n    status\n    scheduledStartTime\n    enrolledCount\n    maxParticipants\n    currentViewers\n    attendedCount\n    feedback {\n      count\n      averageRating\n    }\n    viewerCan {\n      start {\n        allowed\n        caution\n      }\n      join {\n        allowed\n      }\n      end {\n        allowed\n      }\n      cancel {\n        allowed\n      }\n    }\n  }\n": types.DashboardRowFragmentDoc,
    "\n  query MyEnrollments {\n    myEnrollments {\n      id\n      refund {\n        status\n        amount\n        currency\n        refundedAt\n      }\n      session {\n        ...SessionCard\n        cancellationReason\n        viewerCan {\n          cancelEnrollment {\n            allowed\n          }\n        }\n      }\n    }\n    myRefunds {\n      id\n      participantId\n      sessionId\n      status\n      amount\n      currency\n      refundedAt\n      session {\n        title\n      }\n    }\n    myWaitlist {\n      sessionId\n      position\n      offered\n      offeredUntil\n      session {\n        title\n      }\n    }\n  }\n": types.MyEnrollmentsDocument,
    "\n  query HostRoom($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      viewerIsHost\n      enrolledCount\n      currentViewers\n      attendedCount\n      hmsDetails {\n        roomId\n      }\n    }\n  }\n": types.HostRoomDocument,
    "\n  query JoinRoom($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      expertName\n      scheduledStartTime\n      scheduledEndTime\n      viewerEnrollment {\n        id\n      }\n    }\n  }\n": types.JoinRoomDocument,
    "\n  mutation CreateFromPage($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      id\n    }\n  }\n": types.CreateFromPageDocument,
    "\n  query NotificationSettings {\n    notificationSettings {\n      timeZone\n      emailReminders\n      emailNotices\n    }\n  }\n": types.NotificationSettingsDocument,
    "\n  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      timeZone\n      emailReminders\n      emailNotices\n    }\n  }\n": types.UpdateNotificationSettingsDocument,
    "\n  mutation NoteBrowserTimeZone($timeZone: String!) {\n    noteBrowserTimeZone(timeZone: $timeZone) {\n      timeZone\n    }\n  }\n": types.NoteBrowserTimeZoneDocument,
    "\n  query WebhookEndpoint($id: ID!, $limit: Int) {\n    webhookEndpoints {\n      id\n      url\n      events\n      enabled\n      allSessions\n      failingSince\n      disabledAt\n      disabledReason\n      createdAt\n    }\n    webhookDeliveries(endpointId: $id, limit: $limit) {\n      id\n      eventType\n      status\n      attemptCount\n      lastError\n      attempts {\n        attemptedAt\n        statusCode\n        latencyMs\n        error\n      }\n    }\n  }\n": types.WebhookEndpointDocument,
    "\n  query WebhookEndpointUrls {\n    webhookEndpoints {\n      id\n      url\n    }\n  }\n": types.WebhookEndpointUrlsDocument,
    "\n  mutation UpdateWebhookEndpoint($endpointId: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(endpointId: $endpointId, input: $input) {\n      id\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($endpointId: ID!) {\n    rotateWebhookSecret(endpointId: $endpointId) {\n      id\n      secret\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($endpointId: ID!) {\n    deleteWebhookEndpoint(endpointId: $endpointId)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation ResendWebhookDelivery($deliveryId: ID!) {\n    resendWebhookDelivery(deliveryId: $deliveryId) {\n      id\n    }\n  }\n": types.ResendWebhookDeliveryDocument,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      events\n      enabled\n      failingSince\n      disabledAt\n      disabledReason\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      id\n      url\n      secret\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere {\n      endedSessions\n    }\n  }\n": types.SignOutEverywhereDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExpertPage($id: ID!, $shown: Int) {\n    expert(id: $id) {\n      id\n      name\n      avatar\n      ratingCount\n      averageRating\n    }\n    live: sessions(expertId: $id, status: LIVE, limit: $shown) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    upcoming: sessions(expertId: $id, status: SCHEDULED, limit: $shown) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    past: sessions(expertId: $id, status: ENDED, limit: 1) {\n      total\n    }\n  }\n"): (typeof documents)["\n  query ExpertPage($id: ID!, $shown: Int) {\n    expert(id: $id) {\n      id\n      name\n      avatar\n      ratingCount\n      averageRating\n    }\n    live: sessions(expertId: $id, status: LIVE, limit: $shown) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    upcoming: sessions(expertId: $id, status: SCHEDULED, limit: $shown) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    past: sessions(expertId: $id, status: ENDED, limit: 1) {\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionCalendar($id: ID!) {\n    session(id: $id) {\n      id\n      viewerCalendar {\n        ics\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionCalendar($id: ID!) {\n    session(id: $id) {\n      id\n      viewerCalendar {\n        ics\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RoomJoinToken($sessionId: ID!) {\n    joinToken(sessionId: $sessionId) {\n      token\n      role\n      userName\n    }\n  }\n"): (typeof documents)["\n  mutation RoomJoinToken($sessionId: ID!) {\n    joinToken(sessionId: $sessionId) {\n      token\n      role\n      userName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionPage($id: ID!) {\n    me {\n      id\n    }\n    session(id: $id) {\n      ...SessionCard\n      checkoutGateway\n      description\n      maxParticipants\n      enrolledCount\n      attendedCount\n      viewerCan {\n        enroll {\n          allowed\n          reason\n          code\n        }\n        start {\n          allowed\n          reason\n          caution\n        }\n        end {\n          allowed\n        }\n        cancel {\n          allowed\n        }\n        edit {\n          allowed\n        }\n        join {\n          allowed\n          reason\n        }\n        waitForStart {\n          allowed\n        }\n        watchRecording {\n          allowed\n        }\n        rate {\n          allowed\n        }\n        cancelEnrollment {\n          allowed\n          reason\n        }\n        joinWaitlist {\n          allowed\n        }\n        leaveWaitlist {\n          allowed\n        }\n      }\n      cancellationReason\n      cancellationDeadline\n      cancellationPolicy\n      viewerRefund {\n        id\n        status\n        amount\n        currency\n        refundedAt\n      }\n      viewerWaitlist {\n        position\n        offered\n        offeredUntil\n      }\n      viewerCalendar {\n        googleCalendarUrl\n      }\n      participants {\n        id\n        userName\n        refund {\n          status\n          amount\n          currency\n        }\n      }\n      viewerEnrollment {\n        id\n        paid\n        attended\n        feedbackRating\n        feedbackComment\n      }\n      feedback {\n        count\n        averageRating\n        comments {\n          participantId\n          userName\n          rating\n          comment\n        }\n      }\n      metadata {\n        category\n        difficulty\n        equipment\n        tags\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionPage($id: ID!) {\n    me {\n      id\n    }\n    session(id: $id) {\n      ...SessionCard\n      checkoutGateway\n      description\n      maxParticipants\n      enrolledCount\n      attendedCount\n      viewerCan {\n        enroll {\n          allowed\n          reason\n          code\n        }\n        start {\n          allowed\n          reason\n          caution\n        }\n        end {\n          allowed\n        }\n        cancel {\n          allowed\n        }\n        edit {\n          allowed\n        }\n        join {\n          allowed\n          reason\n        }\n        waitForStart {\n          allowed\n        }\n        watchRecording {\n          allowed\n        }\n        rate {\n          allowed\n        }\n        cancelEnrollment {\n          allowed\n          reason\n        }\n        joinWaitlist {\n          allowed\n        }\n        leaveWaitlist {\n          allowed\n        }\n      }\n      cancellationReason\n      cancellationDeadline\n      cancellationPolicy\n      viewerRefund {\n        id\n        status\n        amount\n        currency\n        refundedAt\n      }\n      viewerWaitlist {\n        position\n        offered\n        offeredUntil\n      }\n      viewerCalendar {\n        googleCalendarUrl\n      }\n      participants {\n        id\n        userName\n        refund {\n          status\n          amount\n          currency\n        }\n      }\n      viewerEnrollment {\n        id\n        paid\n        attended\n        feedbackRating\n        feedbackComment\n      }\n      feedback {\n        count\n        averageRating\n        comments {\n          participantId\n          userName\n          rating\n          comment\n        }\n      }\n      metadata {\n        category\n        difficulty\n        equipment\n        tags\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordingLink($sessionId: ID!) {\n    recordingUrl(sessionId: $sessionId) {\n      url\n    }\n  }\n"): (typeof documents)["\n  query RecordingLink($sessionId: ID!) {\n    recordingUrl(sessionId: $sessionId) {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeedbackFromPage($sessionId: ID!, $input: FeedbackInput!) {\n    submitFeedback(sessionId: $sessionId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation FeedbackFromPage($sessionId: ID!, $input: FeedbackInput!) {\n    submitFeedback(sessionId: $sessionId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollFromPage($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EnrollFromPage($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCheckoutFromPage($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) {\n      gateway\n      reference\n      clientSecret\n      publicKey\n      amountInMinorUnits\n      currency\n    }\n  }\n"): (typeof documents)["\n  mutation StartCheckoutFromPage($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) {\n      gateway\n      reference\n      clientSecret\n      publicKey\n      amountInMinorUnits\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartFromPage($id: ID!) {\n    startSession(sessionId: $id) {\n      sessionUrl\n    }\n  }\n"): (typeof documents)["\n  mutation StartFromPage($id: ID!) {\n    startSession(sessionId: $id) {\n      sessionUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndFromPage($id: ID!) {\n    endSession(sessionId: $id) {\n      duration\n    }\n  }\n"): (typeof documents)["\n  mutation EndFromPage($id: ID!) {\n    endSession(sessionId: $id) {\n      duration\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelFromPage($id: ID!) {\n    cancelSession(sessionId: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CancelFromPage($id: ID!) {\n    cancelSession(sessionId: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelBookingFromPage($sessionId: ID!) {\n    cancelEnrollment(sessionId: $sessionId) {\n      refund {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelBookingFromPage($sessionId: ID!) {\n    cancelEnrollment(sessionId: $sessionId) {\n      refund {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinWaitlistFromPage($sessionId: ID!) {\n    joinWaitlist(sessionId: $sessionId) {\n      position\n      offered\n    }\n  }\n"): (typeof documents)["\n  mutation JoinWaitlistFromPage($sessionId: ID!) {\n    joinWaitlist(sessionId: $sessionId) {\n      position\n      offered\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveWaitlistFromPage($sessionId: ID!) {\n    leaveWaitlist(sessionId: $sessionId)\n  }\n"): (typeof documents)["\n  mutation LeaveWaitlistFromPage($sessionId: ID!) {\n    leaveWaitlist(sessionId: $sessionId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditSessionPage($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      description\n      sessionType\n      scheduledStartTime\n      scheduledEndTime\n      maxParticipants\n      price\n      currency\n      thumbnail\n      enrolledCount\n      metadata {\n        category\n        difficulty\n        equipment\n        tags\n      }\n      viewerCan {\n        edit {\n          allowed\n          code\n          reason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditSessionPage($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      description\n      sessionType\n      scheduledStartTime\n      scheduledEndTime\n      maxParticipants\n      price\n      currency\n      thumbnail\n      enrolledCount\n      metadata {\n        category\n        difficulty\n        equipment\n        tags\n      }\n      viewerCan {\n        edit {\n          allowed\n          code\n          reason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFromPage($id: ID!, $input: UpdateSessionInput!) {\n    updateSession(sessionId: $id, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFromPage($id: ID!, $input: UpdateSessionInput!) {\n    updateSession(sessionId: $id, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Browse($status: SessionStatus, $search: String, $category: String, $difficulty: String, $limit: Int, $skip: Int) {\n    sessions(status: $status, search: $search, category: $category, difficulty: $difficulty, limit: $limit, skip: $skip) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    live: sessions(status: LIVE, search: $search, category: $category, difficulty: $difficulty, limit: 1) {\n      total\n    }\n  }\n"): (typeof documents)["\n  query Browse($status: SessionStatus, $search: String, $category: String, $difficulty: String, $limit: Int, $skip: Int) {\n    sessions(status: $status, search: $search, category: $category, difficulty: $difficulty, limit: $limit, skip: $skip) {\n      total\n      items {\n        ...SessionCard\n      }\n    }\n    live: sessions(status: LIVE, search: $search, category: $category, difficulty: $difficulty, limit: 1) {\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionCard on LiveSession {\n    id\n    title\n    thumbnail\n    expertId\n    expertName\n    expertAvatar\n    sessionType\n    status\n    scheduledStartTime\n    scheduledEndTime\n    price\n    currency\n    isFree\n    seatsLeft\n    recordingAvailable\n    metadata {\n      category\n      difficulty\n    }\n    viewerEnrollment {\n      id\n    }\n    viewerIsHost\n    viewerCan {\n      enroll {\n        allowed\n        code\n      }\n      start {\n        allowed\n        code\n        caution\n      }\n      join {\n        allowed\n        code\n      }\n      watchRecording {\n        allowed\n        code\n      }\n      waitForStart {\n        allowed\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SessionCard on LiveSession {\n    id\n    title\n    thumbnail\n    expertId\n    expertName\n    expertAvatar\n    sessionType\n    status\n    scheduledStartTime\n    scheduledEndTime\n    price\n    currency\n    isFree\n    seatsLeft\n    recordingAvailable\n    metadata {\n      category\n      difficulty\n    }\n    viewerEnrollment {\n      id\n    }\n    viewerIsHost\n    viewerCan {\n      enroll {\n        allowed\n        code\n      }\n      start {\n        allowed\n        code\n        caution\n      }\n      join {\n        allowed\n        code\n      }\n      watchRecording {\n        allowed\n        code\n      }\n      waitForStart {\n        allowed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($expertId: ID!) {\n    sessions(expertId: $expertId, limit: 100) {\n      total\n      items {\n        ...DashboardRow\n      }\n    }\n    cancelled: sessions(expertId: $expertId, status: CANCELLED, limit: 100) {\n      total\n      items {\n        ...DashboardRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($expertId: ID!) {\n    sessions(expertId: $expertId, limit: 100) {\n      total\n      items {\n        ...DashboardRow\n      }\n    }\n    cancelled: sessions(expertId: $expertId, status: CANCELLED, limit: 100) {\n      total\n      items {\n        ...DashboardRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardRow on LiveSession {\n    id\n    title\n    status\n    scheduledStartTime\n    enrolledCount\n    maxParticipants\n    currentViewers\n    attendedCount\n    feedback {\n      count\n      averageRating\n    }\n    viewerCan {\n      start {\n        allowed\n        caution\n      }\n      join {\n        allowed\n      }\n      end {\n        allowed\n      }\n      cancel {\n        allowed\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardRow on LiveSession {\n    id\n    title\n    status\n    scheduledStartTime\n    enrolledCount\n    maxParticipants\n    currentViewers\n    attendedCount\n    feedback {\n      count\n      averageRating\n    }\n    viewerCan {\n      start {\n        allowed\n        caution\n      }\n      join {\n        allowed\n      }\n      end {\n        allowed\n      }\n      cancel {\n        allowed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyEnrollments {\n    myEnrollments {\n      id\n      refund {\n        status\n        amount\n        currency\n        refundedAt\n      }\n      session {\n        ...SessionCard\n        cancellationReason\n        viewerCan {\n          cancelEnrollment {\n            allowed\n          }\n        }\n      }\n    }\n    myRefunds {\n      id\n      participantId\n      sessionId\n      status\n      amount\n      currency\n      refundedAt\n      session {\n        title\n      }\n    }\n    myWaitlist {\n      sessionId\n      position\n      offered\n      offeredUntil\n      session {\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyEnrollments {\n    myEnrollments {\n      id\n      refund {\n        status\n        amount\n        currency\n        refundedAt\n      }\n      session {\n        ...SessionCard\n        cancellationReason\n        viewerCan {\n          cancelEnrollment {\n            allowed\n          }\n        }\n      }\n    }\n    myRefunds {\n      id\n      participantId\n      sessionId\n      status\n      amount\n      currency\n      refundedAt\n      session {\n        title\n      }\n    }\n    myWaitlist {\n      sessionId\n      position\n      offered\n      offeredUntil\n      session {\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HostRoom($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      viewerIsHost\n      enrolledCount\n      currentViewers\n      attendedCount\n      hmsDetails {\n        roomId\n      }\n    }\n  }\n"): (typeof documents)["\n  query HostRoom($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      viewerIsHost\n      enrolledCount\n      currentViewers\n      attendedCount\n      hmsDetails {\n        roomId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JoinRoom($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      expertName\n      scheduledStartTime\n      scheduledEndTime\n      viewerEnrollment {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query JoinRoom($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      expertName\n      scheduledStartTime\n      scheduledEndTime\n      viewerEnrollment {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFromPage($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFromPage($input: CreateSessionInput!) {\n    createSession(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSettings {\n    notificationSettings {\n      timeZone\n      emailReminders\n      emailNotices\n    }\n  }\n"): (typeof documents)["\n  query NotificationSettings {\n    notificationSettings {\n      timeZone\n      emailReminders\n      emailNotices\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      timeZone\n      emailReminders\n      emailNotices\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      timeZone\n      emailReminders\n      emailNotices\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NoteBrowserTimeZone($timeZone: String!) {\n    noteBrowserTimeZone(timeZone: $timeZone) {\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  mutation NoteBrowserTimeZone($timeZone: String!) {\n    noteBrowserTimeZone(timeZone: $timeZone) {\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoint($id: ID!, $limit: Int) {\n    webhookEndpoints {\n      id\n      url\n      events\n      enabled\n      allSessions\n      failingSince\n      disabledAt\n      disabledReason\n      createdAt\n    }\n    webhookDeliveries(endpointId: $id, limit: $limit) {\n      id\n      eventType\n      status\n      attemptCount\n      lastError\n      attempts {\n        attemptedAt\n        statusCode\n        latencyMs\n        error\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpoint($id: ID!, $limit: Int) {\n    webhookEndpoints {\n      id\n      url\n      events\n      enabled\n      allSessions\n      failingSince\n      disabledAt\n      disabledReason\n      createdAt\n    }\n    webhookDeliveries(endpointId: $id, limit: $limit) {\n      id\n      eventType\n      status\n      attemptCount\n      lastError\n      attempts {\n        attemptedAt\n        statusCode\n        latencyMs\n        error\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpointUrls {\n    webhookEndpoints {\n      id\n      url\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpointUrls {\n    webhookEndpoints {\n      id\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($endpointId: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(endpointId: $endpointId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($endpointId: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(endpointId: $endpointId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($endpointId: ID!) {\n    rotateWebhookSecret(endpointId: $endpointId) {\n      id\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($endpointId: ID!) {\n    rotateWebhookSecret(endpointId: $endpointId) {\n      id\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($endpointId: ID!) {\n    deleteWebhookEndpoint(endpointId: $endpointId)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($endpointId: ID!) {\n    deleteWebhookEndpoint(endpointId: $endpointId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendWebhookDelivery($deliveryId: ID!) {\n    resendWebhookDelivery(deliveryId: $deliveryId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ResendWebhookDelivery($deliveryId: ID!) {\n    resendWebhookDelivery(deliveryId: $deliveryId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      events\n      enabled\n      failingSince\n      disabledAt\n      disabledReason\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      events\n      enabled\n      failingSince\n      disabledAt\n      disabledReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      id\n      url\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      id\n      url\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    signOutEverywhere {\n      endedSessions\n    }\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere {\n    signOutEverywhere {\n      endedSessions\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;