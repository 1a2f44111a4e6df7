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
    "\n  query SessionsAndRecording($sessionId: ID!) {\n    sessions { total }\n    recordingUrl(sessionId: $sessionId) { url }\n  }\n": typeof types.SessionsAndRecordingDocument,
    "\n  query SessionsAndMine {\n    sessions { total }\n    myEnrollments { id }\n    myRefunds { id }\n    myWaitlist { sessionId }\n    refunds { id }\n  }\n": typeof types.SessionsAndMineDocument,
    "\n  mutation PartialCreate($input: CreateSessionInput!) { createSession(input: $input) { id } }\n": typeof types.PartialCreateDocument,
    "\n  mutation StartCheckout($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) { gateway reference clientSecret publicKey amount amountInMinorUnits currency }\n  }\n": typeof types.StartCheckoutDocument,
    "\n  query CheckoutGateway($id: ID!) {\n    session(id: $id) { checkoutGateway isFree enrolledCount }\n  }\n": typeof types.CheckoutGatewayDocument,
    "\n  query Page($limit: Int) {\n    sessions(limit: $limit) {\n      total\n      items {\n        id\n        title\n        expertName\n        expertAvatar\n        expert { id name isExpert }\n        viewerEnrollment { id paid session { id title } }\n        participants { id userName userEmail attended watchTime feedbackRating }\n        hmsDetails { roomId roomCode }\n        canWatchRecording\n        feedback { count averageRating ratingCounts comments { userName rating comment } }\n        enrolledCount\n        seatsLeft\n        viewerCan { enroll { allowed reason } start { allowed } join { allowed reason } watchRecording { allowed } rate { allowed } }\n      }\n    }\n  }\n": typeof types.PageDocument,
    "\n  query RoomLife($id: ID!) {\n    session(id: $id) {\n      status\n      currentViewers\n      attendedCount\n      recordingAvailable\n      canWatchRecording\n      recordingS3Key\n      hmsDetails { sessionId recordingId }\n      participants { userName attended joinedAt leftAt watchTime feedbackRating feedbackComment feedbackAt }\n      viewerEnrollment { attended watchTime feedbackRating }\n      feedback { count averageRating ratingCounts comments { participantId userName rating comment at } }\n    }\n  }\n": typeof types.RoomLifeDocument,
    "\n  query RecordingUrl($sessionId: ID!) { recordingUrl(sessionId: $sessionId) { url expiresAt durationSeconds } }\n": typeof types.RecordingUrlDocument,
    "\n  mutation SubmitFeedback($sessionId: ID!, $input: FeedbackInput!) {\n    submitFeedback(sessionId: $sessionId, input: $input) { id userName feedbackRating feedbackComment feedbackAt }\n  }\n": typeof types.SubmitFeedbackDocument,
    "\n  query SessionsWalk($first: Int, $after: String, $last: Int, $before: String, $filter: SessionsFilter, $orderBy: SessionOrder) {\n    sessionsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id title expert { name } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.SessionsWalkDocument,
    "\n  query OffsetPage($limit: Int, $skip: Int) { sessions(limit: $limit, skip: $skip) { items { id } } }\n": typeof types.OffsetPageDocument,
    "\n  mutation ConnectionCreate($input: CreateSessionInput!) { createSession(input: $input) { id } }\n": typeof types.ConnectionCreateDocument,
    "\n  query ViewerCan($id: ID!) {\n    session(id: $id) {\n      status\n      enrolledCount\n      viewerWaitlist { position }\n      viewerCan {\n        enroll { allowed reason code }\n        start { allowed reason code }\n        end { allowed reason code }\n        cancel { allowed reason code }\n        join { allowed reason code }\n        watchRecording { allowed reason code }\n        rate { allowed reason code }\n        cancelEnrollment { allowed reason code }\n        joinWaitlist { allowed reason code }\n        leaveWaitlist { allowed reason code }\n        waitForStart { allowed reason code }\n      }\n    }\n  }\n": typeof types.ViewerCanDocument,
    "\n  fragment RestFields on LiveSession {\n    id expertId expertName expertAvatar title description thumbnail sessionType\n    scheduledStartTime scheduledEndTime actualStartTime actualEndTime\n    maxParticipants currentViewers price currency status\n    hmsDetails { roomId roomCode sessionId recordingId }\n    recordingS3Key recordedLessonId recordingAvailable enrolledCount attendedCount\n    metadata { category difficulty equipment tags }\n    featured isFree\n    participants {\n      id sessionId userId userName userEmail userAvatar enrolledAt attended joinedAt leftAt watchTime\n      paid paymentId paymentGateway amountPaid chatMessages feedbackRating feedbackComment createdAt updatedAt\n    }\n    createdAt updatedAt\n  }\n": typeof types.RestFieldsFragmentDoc,
    "\n  query SessionAsRest($id: ID!) { session(id: $id) { ...RestFields } }\n": typeof types.SessionAsRestDocument,
    "\n  query SessionsAsRest($status: SessionStatus, $expertId: ID, $featured: Boolean, $search: String, $limit: Int, $skip: Int) {\n    sessions(status: $status, expertId: $expertId, featured: $featured, search: $search, limit: $limit, skip: $skip) { total items { ...RestFields } }\n  }\n": typeof types.SessionsAsRestDocument,
    "\n  fragment SessionFields on LiveSession {\n    id\n    expertId\n    expertName\n    expertAvatar\n    expert { id name isExpert }\n    title\n    description\n    thumbnail\n    sessionType\n    scheduledStartTime\n    scheduledEndTime\n    actualStartTime\n    actualEndTime\n    maxParticipants\n    seatsLeft\n    currentViewers\n    price\n    currency\n    isFree\n    status\n    hmsDetails { roomId roomCode sessionId recordingId }\n    recordingS3Key\n    recordedLessonId\n    recordingAvailable\n    enrolledCount\n    attendedCount\n    metadata { category difficulty equipment tags }\n    featured\n    viewerEnrollment { id participantId userId }\n    participants { id participantId userId userName userEmail userAvatar paid }\n    createdAt\n    updatedAt\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  fragment EnrollmentFields on Enrollment {\n    id\n    participantId\n    sessionId\n    userId\n    userName\n    userEmail\n    userAvatar\n    enrolledAt\n    attended\n    joinedAt\n    leftAt\n    watchTime\n    paid\n    paymentId\n    paymentGateway\n    amountPaid\n    chatMessages\n    feedbackRating\n    feedbackComment\n    createdAt\n    updatedAt\n    session { id enrolledCount seatsLeft status }\n  }\n": typeof types.EnrollmentFieldsFragmentDoc,
    "\n  mutation CreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { ...SessionFields }\n  }\n": typeof types.CreateSessionDocument,
    "\n  query Sessions($status: SessionStatus, $expertId: ID, $featured: Boolean, $limit: Int, $skip: Int) {\n    sessions(status: $status, expertId: $expertId, featured: $featured, limit: $limit, skip: $skip) {\n      total\n      limit\n      skip\n      items { ...SessionFields }\n    }\n  }\n": typeof types.SessionsDocument,
    "\n  query Session($id: ID!) {\n    session(id: $id) { ...SessionFields }\n  }\n": typeof types.SessionDocument,
    "\n  mutation StartSession($id: ID!) {\n    startSession(id: $id) {\n      roomId\n      roomCode\n      sessionUrl\n      session { id status actualStartTime hmsDetails { roomId roomCode } }\n    }\n  }\n": typeof types.StartSessionDocument,
    "\n  mutation Enroll($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) { ...EnrollmentFields }\n  }\n": typeof types.EnrollDocument,
    "\n  mutation JoinToken($sessionId: ID!) {\n    joinToken(sessionId: $sessionId) { token role userName expiresAt }\n  }\n": typeof types.JoinTokenDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id) {\n      sessionId\n      duration\n      session { id status actualStartTime actualEndTime currentViewers }\n    }\n  }\n": typeof types.EndSessionDocument,
    "\n  mutation CancelSession($id: ID!) {\n    cancelSession(id: $id) { id status updatedAt }\n  }\n": typeof types.CancelSessionDocument,
    "\n  query Me { me { id name email avatar roles isExpert } }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  query SessionsAndRecording($sessionId: ID!) {\n    sessions { total }\n    recordingUrl(sessionId: $sessionId) { url }\n  }\n": types.SessionsAndRecordingDocument,
    "\n  query SessionsAndMine {\n    sessions { total }\n    myEnrollments { id }\n    myRefunds { id }\n    myWaitlist { sessionId }\n    refunds { id }\n  }\n": types.SessionsAndMineDocument,
    "\n  mutation PartialCreate($input: CreateSessionInput!) { createSession(input: $input) { id } }\n": types.PartialCreateDocument,
    "\n  mutation StartCheckout($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) { gateway reference clientSecret publicKey amount amountInMinorUnits currency }\n  }\n": types.StartCheckoutDocument,
    "\n  query CheckoutGateway($id: ID!) {\n    session(id: $id) { checkoutGateway isFree enrolledCount }\n  }\n": types.CheckoutGatewayDocument,
    "\n  query Page($limit: Int) {\n    sessions(limit: $limit) {\n      total\n      items {\n        id\n        title\n        expertName\n        expertAvatar\n        expert { id name isExpert }\n        viewerEnrollment { id paid session { id title } }\n        participants { id userName userEmail attended watchTime feedbackRating }\n        hmsDetails { roomId roomCode }\n        canWatchRecording\n        feedback { count averageRating ratingCounts comments { userName rating comment } }\n        enrolledCount\n        seatsLeft\n        viewerCan { enroll { allowed reason } start { allowed } join { allowed reason } watchRecording { allowed } rate { allowed } }\n      }\n    }\n  }\n": types.PageDocument,
    "\n  query RoomLife($id: ID!) {\n    session(id: $id) {\n      status\n      currentViewers\n      attendedCount\n      recordingAvailable\n      canWatchRecording\n      recordingS3Key\n      hmsDetails { sessionId recordingId }\n      participants { userName attended joinedAt leftAt watchTime feedbackRating feedbackComment feedbackAt }\n      viewerEnrollment { attended watchTime feedbackRating }\n      feedback { count averageRating ratingCounts comments { participantId userName rating comment at } }\n    }\n  }\n": types.RoomLifeDocument,
    "\n  query RecordingUrl($sessionId: ID!) { recordingUrl(sessionId: $sessionId) { url expiresAt durationSeconds } }\n": types.RecordingUrlDocument,
    "\n  mutation SubmitFeedback($sessionId: ID!, $input: FeedbackInput!) {\n    submitFeedback(sessionId: $sessionId, input: $input) { id userName feedbackRating feedbackComment feedbackAt }\n  }\n": types.SubmitFeedbackDocument,
    "\n  query SessionsWalk($first: Int, $after: String, $last: Int, $before: String, $filter: SessionsFilter, $orderBy: SessionOrder) {\n    sessionsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id title expert { name } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.SessionsWalkDocument,
    "\n  query OffsetPage($limit: Int, $skip: Int) { sessions(limit: $limit, skip: $skip) { items { id } } }\n": types.OffsetPageDocument,
    "\n  mutation ConnectionCreate($input: CreateSessionInput!) { createSession(input: $input) { id } }\n": types.ConnectionCreateDocument,
    "\n  query ViewerCan($id: ID!) {\n    session(id: $id) {\n      status\n      enrolledCount\n      viewerWaitlist { position }\n      viewerCan {\n        enroll { allowed reason code }\n        start { allowed reason code }\n        end { allowed reason code }\n        cancel { allowed reason code }\n        join { allowed reason code }\n        watchRecording { allowed reason code }\n        rate { allowed reason code }\n        cancelEnrollment { allowed reason code }\n        joinWaitlist { allowed reason code }\n        leaveWaitlist { allowed reason code }\n        waitForStart { allowed reason code }\n      }\n    }\n  }\n": types.ViewerCanDocument,
    "\n  fragment RestFields on LiveSession {\n    id expertId expertName expertAvatar title description thumbnail sessionType\n    scheduledStartTime scheduledEndTime actualStartTime actualEndTime\n    maxParticipants currentViewers price currency status\n    hmsDetails { roomId roomCode sessionId recordingId }\n    recordingS3Key recordedLessonId recordingAvailable enrolledCount attendedCount\n    metadata { category difficulty equipment tags }\n    featured isFree\n    participants {\n      id sessionId userId userName userEmail userAvatar enrolledAt attended joinedAt leftAt watchTime\n      paid paymentId paymentGateway amountPaid chatMessages feedbackRating feedbackComment createdAt updatedAt\n    }\n    createdAt updatedAt\n  }\n": types.RestFieldsFragmentDoc,
    "\n  query SessionAsRest($id: ID!) { session(id: $id) { ...RestFields } }\n": types.SessionAsRestDocument,
    "\n  query SessionsAsRest($status: SessionStatus, $expertId: ID, $featured: Boolean, $search: String, $limit: Int, $skip: Int) {\n    sessions(status: $status, expertId: $expertId, featured: $featured, search: $search, limit: $limit, skip: $skip) { total items { ...RestFields } }\n  }\n": types.SessionsAsRestDocument,
    "\n  fragment SessionFields on LiveSession {\n    id\n    expertId\n    expertName\n    expertAvatar\n    expert { id name isExpert }\n    title\n    description\n    thumbnail\n    sessionType\n    scheduledStartTime\n    scheduledEndTime\n    actualStartTime\n    actualEndTime\n    maxParticipants\n    seatsLeft\n    currentViewers\n    price\n    currency\n    isFree\n    status\n    hmsDetails { roomId roomCode sessionId recordingId }\n    recordingS3Key\n    recordedLessonId\n    recordingAvailable\n    enrolledCount\n    attendedCount\n    metadata { category difficulty equipment tags }\n    featured\n    viewerEnrollment { id participantId userId }\n    participants { id participantId userId userName userEmail userAvatar paid }\n    createdAt\n    updatedAt\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  fragment EnrollmentFields on Enrollment {\n    id\n    participantId\n    sessionId\n    userId\n    userName\n    userEmail\n    userAvatar\n    enrolledAt\n    attended\n    joinedAt\n    leftAt\n    watchTime\n    paid\n    paymentId\n    paymentGateway\n    amountPaid\n    chatMessages\n    feedbackRating\n    feedbackComment\n    createdAt\n    updatedAt\n    session { id enrolledCount seatsLeft status }\n  }\n": types.EnrollmentFieldsFragmentDoc,
    "\n  mutation CreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { ...SessionFields }\n  }\n": types.CreateSessionDocument,
    "\n  query Sessions($status: SessionStatus, $expertId: ID, $featured: Boolean, $limit: Int, $skip: Int) {\n    sessions(status: $status, expertId: $expertId, featured: $featured, limit: $limit, skip: $skip) {\n      total\n      limit\n      skip\n      items { ...SessionFields }\n    }\n  }\n": types.SessionsDocument,
    "\n  query Session($id: ID!) {\n    session(id: $id) { ...SessionFields }\n  }\n": types.SessionDocument,
    "\n  mutation StartSession($id: ID!) {\n    startSession(id: $id) {\n      roomId\n      roomCode\n      sessionUrl\n      session { id status actualStartTime hmsDetails { roomId roomCode } }\n    }\n  }\n": types.StartSessionDocument,
    "\n  mutation Enroll($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) { ...EnrollmentFields }\n  }\n": types.EnrollDocument,
    "\n  mutation JoinToken($sessionId: ID!) {\n    joinToken(sessionId: $sessionId) { token role userName expiresAt }\n  }\n": types.JoinTokenDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id) {\n      sessionId\n      duration\n      session { id status actualStartTime actualEndTime currentViewers }\n    }\n  }\n": types.EndSessionDocument,
    "\n  mutation CancelSession($id: ID!) {\n    cancelSession(id: $id) { id status updatedAt }\n  }\n": types.CancelSessionDocument,
    "\n  query Me { me { id name email avatar roles isExpert } }\n": types.MeDocument,
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
export function graphql(source: "\n  query SessionsAndRecording($sessionId: ID!) {\n    sessions { total }\n    recordingUrl(sessionId: $sessionId) { url }\n  }\n"): (typeof documents)["\n  query SessionsAndRecording($sessionId: ID!) {\n    sessions { total }\n    recordingUrl(sessionId: $sessionId) { url }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionsAndMine {\n    sessions { total }\n    myEnrollments { id }\n    myRefunds { id }\n    myWaitlist { sessionId }\n    refunds { id }\n  }\n"): (typeof documents)["\n  query SessionsAndMine {\n    sessions { total }\n    myEnrollments { id }\n    myRefunds { id }\n    myWaitlist { sessionId }\n    refunds { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartialCreate($input: CreateSessionInput!) { createSession(input: $input) { id } }\n"): (typeof documents)["\n  mutation PartialCreate($input: CreateSessionInput!) { createSession(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCheckout($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) { gateway reference clientSecret publicKey amount amountInMinorUnits currency }\n  }\n"): (typeof documents)["\n  mutation StartCheckout($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) { gateway reference clientSecret publicKey amount amountInMinorUnits currency }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckoutGateway($id: ID!) {\n    session(id: $id) { checkoutGateway isFree enrolledCount }\n  }\n"): (typeof documents)["\n  query CheckoutGateway($id: ID!) {\n    session(id: $id) { checkoutGateway isFree enrolledCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Page($limit: Int) {\n    sessions(limit: $limit) {\n      total\n      items {\n        id\n        title\n        expertName\n        expertAvatar\n        expert { id name isExpert }\n        viewerEnrollment { id paid session { id title } }\n        participants { id userName userEmail attended watchTime feedbackRating }\n        hmsDetails { roomId roomCode }\n        canWatchRecording\n        feedback { count averageRating ratingCounts comments { userName rating comment } }\n        enrolledCount\n        seatsLeft\n        viewerCan { enroll { allowed reason } start { allowed } join { allowed reason } watchRecording { allowed } rate { allowed } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Page($limit: Int) {\n    sessions(limit: $limit) {\n      total\n      items {\n        id\n        title\n        expertName\n        expertAvatar\n        expert { id name isExpert }\n        viewerEnrollment { id paid session { id title } }\n        participants { id userName userEmail attended watchTime feedbackRating }\n        hmsDetails { roomId roomCode }\n        canWatchRecording\n        feedback { count averageRating ratingCounts comments { userName rating comment } }\n        enrolledCount\n        seatsLeft\n        viewerCan { enroll { allowed reason } start { allowed } join { allowed reason } watchRecording { allowed } rate { allowed } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoomLife($id: ID!) {\n    session(id: $id) {\n      status\n      currentViewers\n      attendedCount\n      recordingAvailable\n      canWatchRecording\n      recordingS3Key\n      hmsDetails { sessionId recordingId }\n      participants { userName attended joinedAt leftAt watchTime feedbackRating feedbackComment feedbackAt }\n      viewerEnrollment { attended watchTime feedbackRating }\n      feedback { count averageRating ratingCounts comments { participantId userName rating comment at } }\n    }\n  }\n"): (typeof documents)["\n  query RoomLife($id: ID!) {\n    session(id: $id) {\n      status\n      currentViewers\n      attendedCount\n      recordingAvailable\n      canWatchRecording\n      recordingS3Key\n      hmsDetails { sessionId recordingId }\n      participants { userName attended joinedAt leftAt watchTime feedbackRating feedbackComment feedbackAt }\n      viewerEnrollment { attended watchTime feedbackRating }\n      feedback { count averageRating ratingCounts comments { participantId userName rating comment at } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordingUrl($sessionId: ID!) { recordingUrl(sessionId: $sessionId) { url expiresAt durationSeconds } }\n"): (typeof documents)["\n  query RecordingUrl($sessionId: ID!) { recordingUrl(sessionId: $sessionId) { url expiresAt durationSeconds } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitFeedback($sessionId: ID!, $input: FeedbackInput!) {\n    submitFeedback(sessionId: $sessionId, input: $input) { id userName feedbackRating feedbackComment feedbackAt }\n  }\n"): (typeof documents)["\n  mutation SubmitFeedback($sessionId: ID!, $input: FeedbackInput!) {\n    submitFeedback(sessionId: $sessionId, input: $input) { id userName feedbackRating feedbackComment feedbackAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionsWalk($first: Int, $after: String, $last: Int, $before: String, $filter: SessionsFilter, $orderBy: SessionOrder) {\n    sessionsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id title expert { name } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SessionsWalk($first: Int, $after: String, $last: Int, $before: String, $filter: SessionsFilter, $orderBy: SessionOrder) {\n    sessionsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id title expert { name } } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OffsetPage($limit: Int, $skip: Int) { sessions(limit: $limit, skip: $skip) { items { id } } }\n"): (typeof documents)["\n  query OffsetPage($limit: Int, $skip: Int) { sessions(limit: $limit, skip: $skip) { items { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConnectionCreate($input: CreateSessionInput!) { createSession(input: $input) { id } }\n"): (typeof documents)["\n  mutation ConnectionCreate($input: CreateSessionInput!) { createSession(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerCan($id: ID!) {\n    session(id: $id) {\n      status\n      enrolledCount\n      viewerWaitlist { position }\n      viewerCan {\n        enroll { allowed reason code }\n        start { allowed reason code }\n        end { allowed reason code }\n        cancel { allowed reason code }\n        join { allowed reason code }\n        watchRecording { allowed reason code }\n        rate { allowed reason code }\n        cancelEnrollment { allowed reason code }\n        joinWaitlist { allowed reason code }\n        leaveWaitlist { allowed reason code }\n        waitForStart { allowed reason code }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerCan($id: ID!) {\n    session(id: $id) {\n      status\n      enrolledCount\n      viewerWaitlist { position }\n      viewerCan {\n        enroll { allowed reason code }\n        start { allowed reason code }\n        end { allowed reason code }\n        cancel { allowed reason code }\n        join { allowed reason code }\n        watchRecording { allowed reason code }\n        rate { allowed reason code }\n        cancelEnrollment { allowed reason code }\n        joinWaitlist { allowed reason code }\n        leaveWaitlist { allowed reason code }\n        waitForStart { allowed reason code }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestFields on LiveSession {\n    id expertId expertName expertAvatar title description thumbnail sessionType\n    scheduledStartTime scheduledEndTime actualStartTime actualEndTime\n    maxParticipants currentViewers price currency status\n    hmsDetails { roomId roomCode sessionId recordingId }\n    recordingS3Key recordedLessonId recordingAvailable enrolledCount attendedCount\n    metadata { category difficulty equipment tags }\n    featured isFree\n    participants {\n      id sessionId userId userName userEmail userAvatar enrolledAt attended joinedAt leftAt watchTime\n      paid paymentId paymentGateway amountPaid chatMessages feedbackRating feedbackComment createdAt updatedAt\n    }\n    createdAt updatedAt\n  }\n"): (typeof documents)["\n  fragment RestFields on LiveSession {\n    id expertId expertName expertAvatar title description thumbnail sessionType\n    scheduledStartTime scheduledEndTime actualStartTime actualEndTime\n    maxParticipants currentViewers price currency status\n    hmsDetails { roomId roomCode sessionId recordingId }\n    recordingS3Key recordedLessonId recordingAvailable enrolledCount attendedCount\n    metadata { category difficulty equipment tags }\n    featured isFree\n    participants {\n      id sessionId userId userName userEmail userAvatar enrolledAt attended joinedAt leftAt watchTime\n      paid paymentId paymentGateway amountPaid chatMessages feedbackRating feedbackComment createdAt updatedAt\n    }\n    createdAt updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionAsRest($id: ID!) { session(id: $id) { ...RestFields } }\n"): (typeof documents)["\n  query SessionAsRest($id: ID!) { session(id: $id) { ...RestFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionsAsRest($status: SessionStatus, $expertId: ID, $featured: Boolean, $search: String, $limit: Int, $skip: Int) {\n    sessions(status: $status, expertId: $expertId, featured: $featured, search: $search, limit: $limit, skip: $skip) { total items { ...RestFields } }\n  }\n"): (typeof documents)["\n  query SessionsAsRest($status: SessionStatus, $expertId: ID, $featured: Boolean, $search: String, $limit: Int, $skip: Int) {\n    sessions(status: $status, expertId: $expertId, featured: $featured, search: $search, limit: $limit, skip: $skip) { total items { ...RestFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on LiveSession {\n    id\n    expertId\n    expertName\n    expertAvatar\n    expert { id name isExpert }\n    title\n    description\n    thumbnail\n    sessionType\n    scheduledStartTime\n    scheduledEndTime\n    actualStartTime\n    actualEndTime\n    maxParticipants\n    seatsLeft\n    currentViewers\n    price\n    currency\n    isFree\n    status\n    hmsDetails { roomId roomCode sessionId recordingId }\n    recordingS3Key\n    recordedLessonId\n    recordingAvailable\n    enrolledCount\n    attendedCount\n    metadata { category difficulty equipment tags }\n    featured\n    viewerEnrollment { id participantId userId }\n    participants { id participantId userId userName userEmail userAvatar paid }\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment SessionFields on LiveSession {\n    id\n    expertId\n    expertName\n    expertAvatar\n    expert { id name isExpert }\n    title\n    description\n    thumbnail\n    sessionType\n    scheduledStartTime\n    scheduledEndTime\n    actualStartTime\n    actualEndTime\n    maxParticipants\n    seatsLeft\n    currentViewers\n    price\n    currency\n    isFree\n    status\n    hmsDetails { roomId roomCode sessionId recordingId }\n    recordingS3Key\n    recordedLessonId\n    recordingAvailable\n    enrolledCount\n    attendedCount\n    metadata { category difficulty equipment tags }\n    featured\n    viewerEnrollment { id participantId userId }\n    participants { id participantId userId userName userEmail userAvatar paid }\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EnrollmentFields on Enrollment {\n    id\n    participantId\n    sessionId\n    userId\n    userName\n    userEmail\n    userAvatar\n    enrolledAt\n    attended\n    joinedAt\n    leftAt\n    watchTime\n    paid\n    paymentId\n    paymentGateway\n    amountPaid\n    chatMessages\n    feedbackRating\n    feedbackComment\n    createdAt\n    updatedAt\n    session { id enrolledCount seatsLeft status }\n  }\n"): (typeof documents)["\n  fragment EnrollmentFields on Enrollment {\n    id\n    participantId\n    sessionId\n    userId\n    userName\n    userEmail\n    userAvatar\n    enrolledAt\n    attended\n    joinedAt\n    leftAt\n    watchTime\n    paid\n    paymentId\n    paymentGateway\n    amountPaid\n    chatMessages\n    feedbackRating\n    feedbackComment\n    createdAt\n    updatedAt\n    session { id enrolledCount seatsLeft status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { ...SessionFields }\n  }\n"): (typeof documents)["\n  mutation CreateSession($input: CreateSessionInput!) {\n    createSession(input: $input) { ...SessionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sessions($status: SessionStatus, $expertId: ID, $featured: Boolean, $limit: Int, $skip: Int) {\n    sessions(status: $status, expertId: $expertId, featured: $featured, limit: $limit, skip: $skip) {\n      total\n      limit\n      skip\n      items { ...SessionFields }\n    }\n  }\n"): (typeof documents)["\n  query Sessions($status: SessionStatus, $expertId: ID, $featured: Boolean, $limit: Int, $skip: Int) {\n    sessions(status: $status, expertId: $expertId, featured: $featured, limit: $limit, skip: $skip) {\n      total\n      limit\n      skip\n      items { ...SessionFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Session($id: ID!) {\n    session(id: $id) { ...SessionFields }\n  }\n"): (typeof documents)["\n  query Session($id: ID!) {\n    session(id: $id) { ...SessionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSession($id: ID!) {\n    startSession(id: $id) {\n      roomId\n      roomCode\n      sessionUrl\n      session { id status actualStartTime hmsDetails { roomId roomCode } }\n    }\n  }\n"): (typeof documents)["\n  mutation StartSession($id: ID!) {\n    startSession(id: $id) {\n      roomId\n      roomCode\n      sessionUrl\n      session { id status actualStartTime hmsDetails { roomId roomCode } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Enroll($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) { ...EnrollmentFields }\n  }\n"): (typeof documents)["\n  mutation Enroll($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) { ...EnrollmentFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinToken($sessionId: ID!) {\n    joinToken(sessionId: $sessionId) { token role userName expiresAt }\n  }\n"): (typeof documents)["\n  mutation JoinToken($sessionId: ID!) {\n    joinToken(sessionId: $sessionId) { token role userName expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id) {\n      sessionId\n      duration\n      session { id status actualStartTime actualEndTime currentViewers }\n    }\n  }\n"): (typeof documents)["\n  mutation EndSession($id: ID!) {\n    endSession(id: $id) {\n      sessionId\n      duration\n      session { id status actualStartTime actualEndTime currentViewers }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSession($id: ID!) {\n    cancelSession(id: $id) { id status updatedAt }\n  }\n"): (typeof documents)["\n  mutation CancelSession($id: ID!) {\n    cancelSession(id: $id) { id status updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me { me { id name email avatar roles isExpert } }\n"): (typeof documents)["\n  query Me { me { id name email avatar roles isExpert } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;